//! Word lists behind the claim-drift flags, as data: adding a word is a one-line change.
//! Entries are normalized keys (lowercase, straight apostrophes). Multi-word entries are
//! written with single spaces and matched as consecutive words.

/// Hedges: words that soften a claim. Dropping one turns a suspicion into a fact.
pub const HEDGES: &[&str] = &[
    "allegedly",
    "apparently",
    "appears",
    "believed",
    "could",
    "likely",
    "may",
    "might",
    "perhaps",
    "possibly",
    "presumably",
    "probably",
    "purportedly",
    "reportedly",
    "seemingly",
    "supposedly",
    "suspected",
    "unconfirmed",
    "unlikely",
    "without evidence",
];

/// Verbs that attribute a statement. A change ("said" → "claimed") changes how much the
/// writer vouches for it.
pub const ATTRIBUTION_VERBS: &[&str] = &[
    "accused",
    "acknowledged",
    "added",
    "admits",
    "admitted",
    "alleged",
    "alleges",
    "announced",
    "argued",
    "argues",
    "asserted",
    "asserts",
    "claimed",
    "claims",
    "conceded",
    "confirmed",
    "confirms",
    "declared",
    "denied",
    "denies",
    "explained",
    "insisted",
    "insists",
    "maintained",
    "maintains",
    "noted",
    "reported",
    "reports",
    "said",
    "says",
    "stated",
    "states",
    "suggested",
    "suggests",
    "tell",
    "tells",
    "told",
    "tweeted",
    "warned",
    "warns",
    "wrote",
];

/// Negations. One more or one fewer on a side reverses the claim.
pub const NEGATIONS: &[&str] = &[
    "cannot", "neither", "never", "no", "nobody", "none", "nor", "not", "nothing", "nowhere",
];

/// Date words: a changed weekday or month is a changed fact, like a changed number.
pub const DATE_WORDS: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "march",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
    "yesterday",
    "today",
    "tomorrow",
];

/// Whether a word key is a negation (contractions such as "didn't" included).
pub fn is_negation(key: &str) -> bool {
    NEGATIONS.contains(&key) || key.ends_with("n't")
}

/// News outlets, as keys. Which outlet a claim was told to ("told the Times" / "told Reuters")
/// is a matter of sourcing, not a swapped subject, so these never make a `subject` flag.
pub const NEWS_OUTLETS: &[&str] = &[
    "afp",
    "ap",
    "bbc",
    "bloomberg",
    "cbs",
    "cnn",
    "guardian",
    "independent",
    "journal",
    "nbc",
    "npr",
    "post",
    "reuters",
    "telegraph",
    "times",
];
