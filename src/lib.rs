//! sourcediff compares news articles that tell the same story: which sentences and quotes they
//! share (word for word, edited, or the same fact in other words), which quotes were altered or
//! credited to someone else, what each article says that no other does, and how much of each
//! article is reused text.
//!
//! The pipeline, one stage after another: [`load`] reads an article, [`segment()`] splits it into
//! sentences, [`tokenize()`] into words ([`Document`]), [`compare`] aligns every pair of articles
//! and classifies what they share ([`Analysis`]), and [`report`] writes it. [`quotes`] finds
//! and matches quotations; [`scan`] does the same across a whole archive.
//!
//! ```
//! use sourcediff::{compare, Article, FindingKind, Options};
//!
//! let a = Article::from_text(
//!     "a.txt",
//!     "Talks ended on Monday. “We know Daesh’s movements,” the general said.",
//! );
//! let b = Article::from_text(
//!     "b.txt",
//!     "“We know Daesh's movements,” the general said. Officials met again on Friday.",
//! );
//! let analysis = compare(vec![a, b], &Options::default());
//! assert_eq!(analysis.count(FindingKind::Verbatim), 1);
//! assert_eq!(analysis.unique.len(), 2);
//! ```

#![warn(missing_docs)]

mod align;
mod classify;
mod error;
mod index;
mod key;
pub mod load;
mod normalize;
mod options;
mod par;
pub mod quotes;
pub mod report;
pub mod scan;
mod segment;
mod span;
mod tokenize;

pub use align::{Alignment, EditOp, PairKind, SentencePair, Side, WordEdit};
pub use classify::{
    Analysis, Coverage, Drift, DriftKind, DriftVariant, Finding, FindingKind, Group, GroupDrift,
    SentenceId,
};
pub use error::{Error, Result};
pub use key::Key;
pub use load::{Article, Source};
pub use normalize::key as comparison_key;
pub use options::{Format, Options, RenderOptions, Section};
pub use segment::{BreakKind, Sentence, segment, segment_span};
pub use span::Span;
pub use tokenize::{Document, Token, TokenKind, Tokens, tokenize};

/// Compares articles: segments, tokenizes, aligns every pair and classifies what they share.
pub fn compare(articles: Vec<Article>, options: &Options) -> Analysis {
    let documents = documents(articles);
    // Quotations are matched from the documents alone: on a second core while the sentences
    // are aligned, when the articles are large enough for a thread to pay.
    let bytes: usize = documents.iter().map(|d| d.article.text.len()).sum();
    let (alignment, quotes) = if bytes < par::PARALLEL_BYTES {
        (
            align::align(&documents, options),
            classify::quote::match_quotes(&documents),
        )
    } else {
        std::thread::scope(|scope| {
            let quotes = scope.spawn(|| classify::quote::match_quotes(&documents));
            let alignment = align::align(&documents, options);
            let quotes = quotes
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (alignment, quotes)
        })
    };
    classify::classify(documents, alignment, quotes, options)
}

/// Segments and tokenizes articles, on as many cores as there are.
pub fn documents(articles: Vec<Article>) -> Vec<Document> {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    par::map(bytes >= par::PARALLEL_BYTES, articles, Document::new)
}
