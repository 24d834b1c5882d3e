//! Spelling variants of one word: "Soleimani" / "Suleimani", "Qasem" / "Qassem",
//! "justificiations" / "justifications". Two words match when they start with the same letter,
//! have at least [`MIN_LEN`] letters, and their character trigrams (padded at both ends) have a
//! Dice coefficient at or above the threshold. Short words never match fuzzily: "war" / "was".

/// Shortest word (in chars) that may match another fuzzily.
pub const MIN_LEN: usize = 5;

/// A word prepared for fuzzy comparison: its first letter, length and sorted trigrams.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trigrams {
    first: Option<char>,
    /// Length in chars; 0 for words that never match fuzzily (short, or with digits).
    len: usize,
    /// Each trigram's three chars packed in one number (21 bits each, the first highest): one
    /// comparison of two numbers instead of three of chars.
    grams: Vec<u64>,
}

impl Trigrams {
    /// A word that never matches fuzzily (short, or with digits).
    pub const NEVER: Trigrams = Trigrams {
        first: None,
        len: 0,
        grams: Vec::new(),
    };

    /// Prepares `word`.
    pub fn new(word: &str) -> Trigrams {
        let len = word.chars().count();
        if len < MIN_LEN || word.chars().any(|c| c.is_ascii_digit()) {
            // "2019" and "2018" are different facts, not spellings.
            return Trigrams::NEVER;
        }
        // The word padded with '^' and '$', read three chars at a time.
        let mut chars = word.chars();
        let first = chars.next();
        let mut grams: Vec<u64> = Vec::with_capacity(len);
        let (mut a, mut b) = (u64::from('^'), first.map_or(0, u64::from));
        for c in chars.chain(std::iter::once('$')) {
            let c = u64::from(c);
            grams.push(a << 42 | b << 21 | c);
            (a, b) = (b, c);
        }
        grams.sort_unstable();
        Trigrams { first, len, grams }
    }

    /// A word's first letter and length in one number, `0` for a word that never matches
    /// fuzzily: [`Trigrams::similarity`] of two words is `0.0` whenever
    /// [`Trigrams::tags_differ`] says so of their tags, without their trigrams.
    pub fn tag(word: &str) -> u64 {
        let len = word.chars().count();
        match word.chars().next() {
            Some(first) if len >= MIN_LEN && !word.chars().any(|c| c.is_ascii_digit()) => {
                u64::from(u32::from(first)) << 32
                    | u64::from(u32::try_from(len).unwrap_or(u32::MAX))
            }
            _ => 0,
        }
    }

    /// Whether two words of these [`Trigrams::tag`]s have a similarity of `0.0` (one never
    /// matches fuzzily, their first letters differ, or their lengths are too far apart): the
    /// same tests as [`Trigrams::similarity`] makes first.
    pub fn tags_differ(a: u64, b: u64) -> bool {
        if a == 0 || b == 0 || a >> 32 != b >> 32 {
            return true;
        }
        let (la, lb) = (a as u32 as usize, b as u32 as usize);
        la.abs_diff(lb) * 3 > la.max(lb)
    }

    /// Dice coefficient of the two trigram lists, when both words are long enough and start
    /// alike; `0.0` otherwise.
    pub fn similarity(&self, other: &Trigrams) -> f64 {
        if self.len == 0 || other.len == 0 || self.first != other.first {
            return 0.0;
        }
        // Dice can reach the threshold only if the lengths are close.
        if self.len.abs_diff(other.len) * 3 > self.len.max(other.len) {
            return 0.0;
        }
        let (a, b) = (&self.grams, &other.grams);
        let (mut i, mut j, mut common) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        2.0 * common as f64 / (a.len() + b.len()) as f64
    }
}

/// Dice coefficient of the padded character trigrams of `a` and `b`, when both are long enough
/// and start alike; `0.0` otherwise. Equal words give `1.0`.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    Trigrams::new(a).similarity(&Trigrams::new(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_from_the_seeds_match() {
        assert!(similarity("soleimani", "suleimani") >= 0.6);
        assert!(similarity("qasem", "qassem") >= 0.6);
        assert!(similarity("justificiations", "justifications") >= 0.6);
    }

    #[test]
    fn tags_rule_out_what_similarity_does() {
        let words = [
            "soleimani",
            "suleimani",
            "qasem",
            "qassem",
            "war",
            "was",
            "2019",
            "2018",
            "military",
            "militia",
            "mil",
            "justifications",
            "justificiations",
            "sol",
            "s",
            "éclair",
            "eclairs",
            "état",
            "reveal",
            "release",
            "iranian",
            "iraqi",
            "",
        ];
        for a in words {
            for b in words {
                let (ta, tb) = (Trigrams::new(a), Trigrams::new(b));
                if Trigrams::tags_differ(Trigrams::tag(a), Trigrams::tag(b)) {
                    assert_eq!(ta.similarity(&tb), 0.0, "{a} / {b}");
                } else {
                    assert!(ta.similarity(&tb) > 0.0, "{a} / {b}");
                }
            }
        }
        assert!(!Trigrams::tags_differ(
            Trigrams::tag("qasem"),
            Trigrams::tag("qassem")
        ));
        assert!(Trigrams::tags_differ(
            Trigrams::tag("war"),
            Trigrams::tag("war")
        ));
    }

    #[test]
    fn different_words_do_not() {
        assert!(similarity("military", "militia") < 0.6);
        assert!(similarity("iranian", "iraqi") < 0.6);
        assert_eq!(similarity("war", "was"), 0.0);
        assert_eq!(similarity("2019", "2018"), 0.0);
        assert_eq!(
            similarity("reveal", "release"),
            similarity("release", "reveal")
        );
    }
}
