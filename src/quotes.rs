//! Quotations: finding them in one article, with who the article credits them to, and matching
//! them across articles (what `sourcediff quotes` prints and the `quotes` part of a comparison).
//!
//! ```
//! use sourcediff::{Article, Document, quotes};
//!
//! let doc = Document::new(Article::from_text(
//!     "a.txt",
//!     "“We will not resign,” the minister said on Monday.",
//! ));
//! let found = quotes::extract(&doc, 0);
//! assert_eq!(found[0].span.slice(&doc.article.text), "We will not resign");
//! assert_eq!(found[0].speaker.as_deref(), Some("the minister"));
//! ```

pub use crate::classify::quote::{
    DiffPiece, MAX_QUOTE_BLOCKS, MAX_QUOTE_BYTES, MAX_TERM_WORDS, MIN_UNQUOTED_RUN,
    MISATTRIBUTION_METHODS, Occurrence, OccurrenceDiff, PART_GAP, Quote, QuoteMatch, QuoteStatus,
    SpeakerMethod, extract, match_quotes, match_quotes_trusting,
};
pub use crate::classify::speaker::same_speaker;
