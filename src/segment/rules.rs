//! The segmenter's rules as data: which words before a period do not end a sentence, which
//! characters end, close or open one. Adding a word is a one-line change; every list is sorted
//! (a unit test checks it) and searched with a binary search.
//!
//! Entries are compared case-sensitively and without their final period. Dotted abbreviations
//! such as "U.S." or "a.m." need no entry: any word with an inner period made of short parts
//! is treated like the ambiguous abbreviations below.

/// Titles and ranks: they stand before a name and do not end a sentence.
/// ("Iranian Gen. Qasem Soleimani", "Lt. Gen. Muhammad al-Bayati", "Dr. Fauci".)
pub const TITLES: &[&str] = &[
    "Adm", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Det", "Dr", "Fr", "Ft", "Gen", "Gov",
    "Hon", "Insp", "Lt", "Maj", "Messrs", "Mlle", "Mme", "Mr", "Mrs", "Ms", "Mt", "Pres", "Prof",
    "Pvt", "Rep", "Rev", "Sen", "Sgt", "Sr", "St", "Supt",
];

/// Months: "the Dec. 27 rocket attack". Before a number they never end a sentence; before a
/// capitalised word they do ("hosts Ant and Dec. Natalie Appleton's decision",
/// entertainment/200).
pub const MONTHS: &[&str] = &[
    "Apr", "Aug", "Dec", "Feb", "Jan", "Jul", "Jun", "Mar", "Nov", "Oct", "Sep", "Sept",
];

/// Abbreviations that stand before a number: "No. 10 Downing Street", "pp. 4-7", "Art. 50".
pub const BEFORE_NUMBER: &[&str] = &[
    "Art", "Fig", "Figs", "No", "Nos", "Op", "Vol", "ch", "fig", "no", "nos", "p", "para", "pp",
    "vol",
];

/// Abbreviations that never end a sentence whatever follows: "Arsenal vs. Chelsea",
/// "e.g. Reuters".
pub const NEVER_FINAL: &[&str] = &["approx", "cf", "e.g", "eg", "i.e", "ie", "v", "viz", "vs"];

/// Abbreviations that end a sentence before a capitalised word: "Shares in Apple Inc. rose"
/// (no break) but "changed its name to MCI Inc. Former WorldCom chief ..." (break, BBC
/// business/403), "Nothing Compares 2 U, etc. Much better songs" (entertainment/253). A company
/// name is followed by a verb, not by another capitalised word.
pub const FINAL_BEFORE_CAPITAL: &[&str] =
    &["Bros", "Co", "Corp", "Inc", "Ltd", "Plc", "etc", "plc"];

/// Abbreviations that end a sentence only before a common sentence opener
/// ([`SENTENCE_OPENERS`]) or an opening quote: "Martin Luther King Jr. Day" but "... said
/// Smith Jr. The next day ...".
pub const FINAL_BEFORE_OPENER: &[&str] = &["Jr", "al"];

/// Words that commonly open a sentence. After an ambiguous abbreviation ("in the U.S. The
/// next day ...") they signal a real break; a name ("the U.S. Department of Defense") does not.
pub const SENTENCE_OPENERS: &[&str] = &[
    "A",
    "After",
    "All",
    "Also",
    "An",
    "And",
    "Another",
    "As",
    "At",
    "Both",
    "But",
    "By",
    "Dr",
    "During",
    "Each",
    "Even",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "Mr",
    "Mrs",
    "Ms",
    "My",
    "No",
    "Now",
    "On",
    "One",
    "Only",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "To",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

/// Speech verbs that, a few words after a quote closing on "?" or "!", show the quote is
/// attributed in the same sentence: `“Is this a movie?” Mr Smith asked.`
pub const SPEECH_VERBS: &[&str] = &[
    "added",
    "admitted",
    "asked",
    "asks",
    "continued",
    "countered",
    "cried",
    "demanded",
    "exclaimed",
    "insisted",
    "joked",
    "quipped",
    "remarked",
    "repeated",
    "replied",
    "responded",
    "retorted",
    "said",
    "says",
    "shouted",
    "told",
    "tweeted",
    "wondered",
    "wrote",
    "yelled",
];

/// Characters that end a sentence when white space follows ("." is handled apart because of
/// abbreviations and numbers). Includes the Devanagari danda, the Arabic and Armenian question
/// marks, the Ethiopic full stop.
pub const TERMINATORS: &[char] = &[
    '!', '.', '?', '\u{0589}', '\u{061f}', '\u{06d4}', '\u{0964}', '\u{0965}', '\u{1362}',
    '\u{2026}', '\u{203c}', '\u{2047}', '\u{2048}', '\u{2049}',
];

/// Full stops of scripts written without spaces (Chinese, Japanese): they end a sentence even
/// when no white space follows.
pub const SPACELESS_TERMINATORS: &[char] =
    &['\u{3002}', '\u{ff01}', '\u{ff0e}', '\u{ff1f}', '\u{ff61}'];

/// Closing quote marks and brackets that may follow the terminator: `movements.” The U.S.`
pub const CLOSERS: &[char] = &[
    '"', '\'', ')', ']', '}', '\u{00bb}', '\u{2019}', '\u{201d}', '\u{203a}', '\u{300d}',
    '\u{300f}', '\u{3011}', '\u{ff09}',
];

/// Opening quote marks and brackets that may precede the next sentence's first word.
pub const OPENERS: &[char] = &[
    '"', '\'', '(', '[', '{', '\u{00ab}', '\u{2018}', '\u{201c}', '\u{201e}', '\u{2039}',
    '\u{300c}', '\u{300e}', '\u{3010}', '\u{ff08}',
];

/// Last characters of a line that announce more to come on the next line: a line ending with
/// one of them joins the next line even when that line starts with a capital.
pub const CONTINUING_LINE_ENDS: &[char] = &[',', ';', '-', '\u{2013}', '\u{2014}'];

/// Binary search in one of the sorted word lists above.
pub fn listed(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// Binary search in one of the sorted character lists above.
pub fn listed_char(list: &[char], c: char) -> bool {
    list.binary_search(&c).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for (name, list) in [
            ("TITLES", TITLES),
            ("MONTHS", MONTHS),
            ("BEFORE_NUMBER", BEFORE_NUMBER),
            ("NEVER_FINAL", NEVER_FINAL),
            ("FINAL_BEFORE_CAPITAL", FINAL_BEFORE_CAPITAL),
            ("FINAL_BEFORE_OPENER", FINAL_BEFORE_OPENER),
            ("SENTENCE_OPENERS", SENTENCE_OPENERS),
            ("SPEECH_VERBS", SPEECH_VERBS),
        ] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(list, sorted.as_slice(), "{name} must be sorted and unique");
        }
    }

    #[test]
    fn char_lists_are_sorted_for_binary_search() {
        for list in [TERMINATORS, SPACELESS_TERMINATORS, CLOSERS, OPENERS] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            assert_eq!(list, sorted.as_slice());
        }
    }
}
