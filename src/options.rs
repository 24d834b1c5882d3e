//! `Options` (analysis knobs) and `RenderOptions` (how a report looks), kept apart so the same
//! analysis can be shown in every format.

use serde::Serialize;

/// Knobs of the analysis. `Default` gives the values the CLI uses.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Options {
    /// Word similarity (0..1) at or above which an aligned pair counts as `edited` rather than
    /// `framing`.
    pub edited_threshold: f64,
    /// Content overlap (0..1) at or above which two sentences are the same fact told in other
    /// words (`framing`); below it they are unrelated.
    pub framing_threshold: f64,
    /// Character-trigram similarity (0..1) at or above which two words count as spellings of
    /// the same word ("Soleimani" / "Suleimani").
    pub fuzzy_word_threshold: f64,
    /// Sentences longer than this many tokens are compared by their index entries only, with no
    /// word diff (a 1 MB single-sentence file must not take quadratic time).
    pub max_diff_tokens: usize,
}

/// Builder-style setters: `Options::default().with_edited_threshold(0.7)`. The struct is
/// `#[non_exhaustive]` (knobs may be added), so code outside the crate starts from `default()`
/// and sets fields, by these methods or by assignment.
impl Options {
    /// With [`Options::edited_threshold`] set.
    pub fn with_edited_threshold(mut self, x: f64) -> Options {
        self.edited_threshold = x;
        self
    }

    /// With [`Options::framing_threshold`] set.
    pub fn with_framing_threshold(mut self, x: f64) -> Options {
        self.framing_threshold = x;
        self
    }

    /// With [`Options::fuzzy_word_threshold`] set.
    pub fn with_fuzzy_word_threshold(mut self, x: f64) -> Options {
        self.fuzzy_word_threshold = x;
        self
    }

    /// With [`Options::max_diff_tokens`] set.
    pub fn with_max_diff_tokens(mut self, n: usize) -> Options {
        self.max_diff_tokens = n;
        self
    }
}

impl Default for Options {
    fn default() -> Options {
        Options {
            edited_threshold: 0.6,
            framing_threshold: 0.35,
            fuzzy_word_threshold: 0.6,
            max_diff_tokens: 2_000,
        }
    }
}

/// Report formats. More may come: match with a wildcard arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Format {
    /// The terminal report.
    #[default]
    Text,
    /// JSON for pipelines (schema in `docs/json.md`).
    Json,
    /// One self-contained HTML page.
    Html,
    /// Markdown for tickets and CMSs.
    Markdown,
}

/// Parts of the compare report a user can ask for alone. More may come: match with a wildcard
/// arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Section {
    /// Shared and unmatched quotations.
    Quotes,
    /// Sentences found word for word in another article.
    Verbatim,
    /// Sentences lightly edited.
    Edited,
    /// The same fact in other words.
    Framing,
    /// Sentences no other article carries.
    Unique,
}

/// How a report looks.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RenderOptions {
    /// The output format.
    pub format: Format,
    /// Whether the terminal report uses ANSI colors.
    pub color: bool,
    /// Column width the terminal report wraps to.
    pub width: usize,
    /// Sections to show; empty means all.
    pub only: Vec<Section>,
}

impl Default for RenderOptions {
    fn default() -> RenderOptions {
        RenderOptions {
            format: Format::Text,
            color: false,
            width: 100,
            only: Vec::new(),
        }
    }
}

impl RenderOptions {
    /// The defaults (no colour, 100 columns, every section) in `format`. The struct is
    /// `#[non_exhaustive]`: outside the crate, build it with this and the `with_` setters.
    pub fn new(format: Format) -> RenderOptions {
        RenderOptions {
            format,
            ..RenderOptions::default()
        }
    }

    /// With ANSI colours in the terminal report, or without.
    pub fn with_color(mut self, color: bool) -> RenderOptions {
        self.color = color;
        self
    }

    /// With the terminal report wrapped to `width` columns.
    pub fn with_width(mut self, width: usize) -> RenderOptions {
        self.width = width;
        self
    }

    /// Showing only these sections (empty: all).
    pub fn with_only(mut self, only: Vec<Section>) -> RenderOptions {
        self.only = only;
        self
    }

    /// Whether `section` is to be shown.
    pub fn shows(&self, section: Section) -> bool {
        self.only.is_empty() || self.only.contains(&section)
    }
}
