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
];

/// Hedges of several words, matched as consecutive words.
pub const HEDGE_PHRASES: &[&str] = &["without evidence", "is thought to", "are thought to"];

/// Verbs that hedge when a clause follows ("seemed to breach", "appears to have been put on
/// hold"), not otherwise ("appeared in court").
pub const SEEM_VERBS: &[&str] = &["appear", "appeared", "appears", "seem", "seemed", "seems"];

/// Claims before "they could", "it could": "Tory claims they could cut £35bn" tells that the
/// Tories say they can, not that the writer hedges.
pub const CLAIM_OF_ABILITY: &[&str] = &[
    "boast", "boasted", "boasts", "claim", "claimed", "claims", "insist", "insisted", "insists",
];

/// Words after "could" that make it the past of "can" (ability), not a hedge: "could not
/// reach the village", "could see smoke".
pub const ABILITY_AFTER_COULD: &[&str] = &[
    "barely",
    "feel",
    "hardly",
    "hear",
    "never",
    "no",
    "not",
    "only",
    "read",
    "recall",
    "remember",
    "see",
    "smell",
    "understand",
];

/// Neutral verbs that attribute a statement. Among themselves they never make a flag: "said",
/// "told", "stated" and "says" report the same thing.
pub const ATTRIBUTION_VERBS: &[&str] = &[
    "add",
    "added",
    "adds",
    "announce",
    "announced",
    "announces",
    "confirm",
    "confirmed",
    "confirms",
    "declared",
    "explain",
    "explained",
    "explains",
    "noted",
    "notes",
    "posted",
    "reported",
    "reports",
    "said",
    "say",
    "says",
    "stated",
    "states",
    "tell",
    "tells",
    "told",
    "tweeted",
    "tweets",
    "write",
    "writes",
    "wrote",
];

/// Loaded attribution verbs: they say how far the writer vouches for the claim. One against a
/// neutral verb or a bare statement ("the spokesman claimed that …", "…, critics alleged") is
/// an attribution flag.
pub const LOADED_ATTRIBUTION_VERBS: &[&str] = &[
    "accuse",
    "accused",
    "accuses",
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "admit",
    "admits",
    "admitted",
    "allege",
    "alleged",
    "alleges",
    "argue",
    "argued",
    "argues",
    "assert",
    "asserted",
    "asserts",
    "boasted",
    "boasts",
    "claim",
    "claimed",
    "claims",
    "concede",
    "conceded",
    "concedes",
    "contend",
    "contended",
    "contends",
    "denied",
    "denies",
    "deny",
    "insist",
    "insisted",
    "insists",
    "maintain",
    "maintained",
    "maintains",
    "suggest",
    "suggested",
    "suggests",
    "warn",
    "warned",
    "warns",
];

/// Words before "alleged", "accused", "reported" that make it an adjective or a noun ("the
/// alleged attack", "the accused", "a claim for alleged deceit").
pub const DETERMINERS: &[&str] = &[
    "a", "about", "against", "an", "for", "her", "his", "its", "of", "our", "over", "the", "their",
    "these", "this", "those", "with", "your",
];

/// Negations. One more or one fewer on a side reverses the claim.
pub const NEGATIONS: &[&str] = &[
    "cannot", "neither", "never", "no", "nobody", "none", "nor", "not", "nothing", "nowhere",
    "unable",
];

/// Months, as keys, without "may" (a month only when written "May" inside a sentence): a
/// changed month is a changed fact, like a changed number.
pub const MONTHS: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "january",
    "july",
    "june",
    "march",
    "november",
    "october",
    "september",
];

/// Days: a changed day is a changed fact, but one outlet's "Tuesday" is another's
/// "yesterday", so a day dropped alone is not.
pub const DAY_WORDS: &[&str] = &[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "today",
    "tomorrow",
    "tonight",
    "tuesday",
    "wednesday",
    "yesterday",
];

/// Spelled numbers and ordinals with their values ("four" / "five", "third" / "fourth").
pub const NUMBER_WORDS: &[(&str, u64)] = &[
    ("eight", 8),
    ("eighteen", 18),
    ("eighteenth", 18),
    ("eighth", 8),
    ("eighty", 80),
    ("eleven", 11),
    ("eleventh", 11),
    ("fifteen", 15),
    ("fifteenth", 15),
    ("fifth", 5),
    ("fifty", 50),
    ("first", 1),
    ("five", 5),
    ("forty", 40),
    ("four", 4),
    ("fourteen", 14),
    ("fourteenth", 14),
    ("fourth", 4),
    ("nine", 9),
    ("nineteen", 19),
    ("nineteenth", 19),
    ("ninety", 90),
    ("ninth", 9),
    ("one", 1),
    ("second", 2),
    ("seven", 7),
    ("seventeen", 17),
    ("seventeenth", 17),
    ("seventh", 7),
    ("seventy", 70),
    ("six", 6),
    ("sixteen", 16),
    ("sixteenth", 16),
    ("sixth", 6),
    ("sixty", 60),
    ("ten", 10),
    ("tenth", 10),
    ("third", 3),
    ("thirteen", 13),
    ("thirteenth", 13),
    ("thirty", 30),
    ("twelfth", 12),
    ("twelve", 12),
    ("twentieth", 20),
    ("twenty", 20),
    ("two", 2),
    ("three", 3),
];

/// Scale words and suffixes after a figure: "3.4 million", "3.4million", "1.3bn", "2.56m".
pub const SCALE_WORDS: &[(&str, f64)] = &[
    ("b", 1e9),
    ("bn", 1e9),
    ("billion", 1e9),
    ("k", 1e3),
    ("m", 1e6),
    ("million", 1e6),
    ("mn", 1e6),
    ("thousand", 1e3),
    ("tn", 1e12),
    ("trillion", 1e12),
];

/// Titles written in full: a title alone names nobody ("Senator Sanders" / "Bernie Sanders").
pub const TITLE_WORDS: &[&str] = &[
    "Admiral",
    "Ambassador",
    "Baroness",
    "Bishop",
    "Brigadier",
    "Captain",
    "Chairman",
    "Chancellor",
    "Chief",
    "Colonel",
    "Commissioner",
    "Congressman",
    "Congresswoman",
    "Dame",
    "Detective",
    "Doctor",
    "Former",
    "General",
    "Governor",
    "Judge",
    "Justice",
    "King",
    "Lady",
    "Lieutenant",
    "Lord",
    "Major",
    "Mayor",
    "Minister",
    "Pope",
    "Premier",
    "President",
    "Prime",
    "Prince",
    "Princess",
    "Professor",
    "Queen",
    "Representative",
    "Secretary",
    "Senator",
    "Sergeant",
    "Sheriff",
    "Sir",
];

/// US state abbreviations that are not the start of the state's name, and postal codes.
pub const STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("AK", "Alaska"),
    ("AL", "Alabama"),
    ("AR", "Arkansas"),
    ("AZ", "Arizona"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("FL", "Florida"),
    ("Fla", "Florida"),
    ("GA", "Georgia"),
    ("Ga", "Georgia"),
    ("HI", "Hawaii"),
    ("IA", "Iowa"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("Ky", "Kentucky"),
    ("LA", "Louisiana"),
    ("La", "Louisiana"),
    ("MA", "Massachusetts"),
    ("MD", "Maryland"),
    ("Md", "Maryland"),
    ("ME", "Maine"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MO", "Missouri"),
    ("Mo", "Missouri"),
    ("MS", "Mississippi"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("Pa", "Pennsylvania"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VA", "Virginia"),
    ("Va", "Virginia"),
    ("VT", "Vermont"),
    ("Vt", "Vermont"),
    ("WA", "Washington"),
    ("WI", "Wisconsin"),
    ("WV", "West Virginia"),
    ("WY", "Wyoming"),
];

/// Words after a name that show it is not the subject of a verb: prepositions, conjunctions,
/// articles, a possessive ("Toyota's prototypes"). Before a name, the prepositions among them
/// show it is an object ("behind GOP front-runner Donald Trump").
pub const NOT_AFTER_SUBJECT: &[&str] = &[
    "'s", "about", "above", "across", "after", "against", "among", "and", "around", "as", "at",
    "before", "behind", "below", "beside", "between", "beyond", "but", "by", "despite", "during",
    "for", "from", "in", "inside", "into", "like", "near", "of", "on", "or", "outside", "over",
    "s", "since", "than", "the", "through", "to", "toward", "towards", "under", "until", "upon",
    "versus", "via", "with", "within", "without",
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
    "reuters",
    "telegraph",
    "times",
];

/// Month abbreviations, as keys, with the month they stand for: "Dec. 15" is "December 15th".
/// Read as months only when capitalised ("Dec", "Sept"); "mar", "jun" and "may" are left out
/// (words in their own right, or no shorter than the month).
pub const MONTH_ABBREVIATIONS: &[(&str, &str)] = &[
    ("apr", "april"),
    ("aug", "august"),
    ("dec", "december"),
    ("feb", "february"),
    ("jan", "january"),
    ("jul", "july"),
    ("nov", "november"),
    ("oct", "october"),
    ("sep", "september"),
    ("sept", "september"),
];

/// Words after "likely" that make it an adjective of a group or a title, not a hedge: "likely
/// voters" (a term of polling), "the likely nominee".
pub const NOT_HEDGED_AFTER_LIKELY: &[&str] = &[
    "candidate",
    "candidates",
    "democratic",
    "gop",
    "nominee",
    "nominees",
    "republican",
    "voter",
    "voters",
];

/// Verbs of denying: "deny that they conspired" says what "never conspired" says, so each
/// counts as one negation when the two sides are compared.
pub const DENIAL_VERBS: &[&str] = &["denied", "denies", "deny", "denying"];

/// Words between a negation and the word it negates: "has not been backed", "did not even
/// say".
pub const NEGATION_SKIP: &[&str] = &[
    "a", "an", "any", "be", "been", "being", "even", "ever", "have", "the", "to", "yet",
];

/// Currencies written as words: a figure in brackets after one is a conversion ("68m euros
/// ($89m; £47m)").
pub const CURRENCY_WORDS: &[&str] = &[
    "dollars", "euro", "euros", "pounds", "rupees", "yen", "yuan",
];

/// Words that already present a claim as a forecast or a charge, so a hedge against them
/// ("expected to cost" / "likely to cost", "set to dominate" / "likely to dominate", "face
/// trial on charges" / "allegedly avoiding") changes nothing: matched as keys, "expected" and
/// "set" only before "to".
/// "according to", "thought to", "believed to", "said to" (only before "to") present a claim
/// as someone's account already ("according to the Financial Times" / "reportedly", "thought
/// to be held" / "supposedly held").
pub const SOFTENERS: &[&str] = &[
    "according",
    "believed",
    "charges",
    "charged",
    "expected",
    "said",
    "set",
    "thought",
    "track",
];

/// Softeners that soften only before "to" ("expected to", "said to be"): "set" and "said"
/// alone are other words.
pub const SOFTENERS_BEFORE_TO: &[&str] = &[
    "according",
    "believed",
    "expected",
    "said",
    "set",
    "thought",
];

/// Units of time after a figure that make it a count ("for the 19th month in succession", "the
/// third time"), not a day of the month.
pub const TIME_UNITS: &[&str] = &[
    "day", "days", "hour", "hours", "month", "months", "time", "times", "week", "weeks", "year",
    "years",
];

/// Units written onto a figure ("6km", "6:00AM"): the figure keeps its value, so "6km" and "six
/// kilometres" are one.
pub const UNIT_SUFFIXES: &[&str] = &[
    "am", "cm", "ft", "gb", "ghz", "kg", "km", "kph", "mb", "mhz", "mm", "mph", "mw", "pm",
];

/// Words that tell a time relative to the day of writing: "last year", "two years ago",
/// "yesterday". A date on one side against one of these on the other is the same time told
/// two ways as often as not ("in 2004" / "last year"), and which is meant cannot be checked.
pub const RELATIVE_TIME: &[&str] = &["ago", "earlier", "recently", "yesterday"];

/// Words after "last", "this" or "next" that make a relative time: "last year", "this week".
pub const RELATIVE_PERIODS: &[&str] = &["month", "season", "week", "weekend", "year"];

/// Words a sentence opens with that say how it links on, not whose claim it is ("However",
/// "Meanwhile"): a shared one of them alone does not make two sentences one subject's.
pub const DISCOURSE_OPENERS: &[&str] = &[
    "also",
    "but",
    "earlier",
    "finally",
    "however",
    "instead",
    "later",
    "meanwhile",
    "now",
    "still",
    "then",
    "yet",
];

/// Words that link a clause on as another event ("following his arrest in October 2003", "and
/// runs from 6 to 9 January").
pub const CLAUSE_LINKS: &[&str] = &[
    "after",
    "and",
    "before",
    "but",
    "following",
    "since",
    "until",
    "when",
    "whereas",
    "while",
];

/// Prepositions that open a phrase of time or measure ("in December", "for a sixth month in a
/// row", "since 1997"): a figure dropped or added with such a phrase qualifies the claim; one
/// in a longer edit opening otherwise ("is designed to produce 12,600 MW of electricity, and")
/// tells another fact.
pub const MEASURE_PREPOSITIONS: &[&str] = &[
    "after", "at", "before", "between", "by", "during", "for", "from", "in", "on", "over", "since",
    "through", "until", "within",
];

/// Words that assert a claim outright ("was actually perpetrated by ISIS", "definitely"): a
/// hedge against one of them is a hedge dropped even when the sentences are worded apart.
pub const CERTAINTY_WORDS: &[&str] = &[
    "actually",
    "certainly",
    "clearly",
    "definitely",
    "indeed",
    "undoubtedly",
];

/// Names written two ways that neither spelling nor initials tie together, as lowercase pairs:
/// "GOP rivals" / "Republican rivals" is no swapped name.
pub const NAME_EQUIVALENTS: &[(&str, &str)] = &[
    ("gop", "republican"),
    ("gop", "republicans"),
    ("uk", "britain"),
    ("uk", "british"),
    ("us", "america"),
    ("us", "american"),
    ("u.s", "america"),
    ("u.s", "american"),
];
