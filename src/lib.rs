//! sourcediff compares news articles that tell the same story: which sentences and quotes they
//! share (word for word, edited, or the same fact in other words), which quotes were altered or
//! credited to someone else, what each article says that no other does, and how much of each
//! article is reused text.
//!
//! The pipeline, one module per stage:
//! [`load`] → [`segment`](mod@segment) → [`tokenize`] → [`align`] → [`classify`] → [`report`].
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

pub mod align;
pub mod classify;
pub mod error;
pub mod index;
pub mod load;
pub mod normalize;
pub mod options;
mod par;
pub mod report;
pub mod scan;
pub mod segment;
pub mod span;
pub mod tokenize;

pub use align::{Alignment, PairKind, SentencePair, Side};
pub use classify::{Analysis, Coverage, Drift, DriftKind, Finding, FindingKind, SentenceId};
pub use error::{Error, Result};
pub use load::{Article, Source};
pub use options::{Format, Options, RenderOptions, Section};
pub use segment::{BreakKind, Sentence, segment};
pub use span::Span;
pub use tokenize::{Document, Token, TokenKind};

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
