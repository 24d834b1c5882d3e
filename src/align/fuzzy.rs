//! Spelling variants of one word: "Soleimani" / "Suleimani", "Qasem" / "Qassem",
//! "justificiations" / "justifications". Two words match when they start with the same letter,
//! have at least [`MIN_LEN`] letters, and their character trigrams (padded at both ends) have a
//! Dice coefficient at or above the threshold. Short words never match fuzzily: "war" / "was".

/// Shortest word (in chars) that may match another fuzzily.
pub const MIN_LEN: usize = 5;

/// Dice coefficient of the padded character trigrams of `a` and `b`, when both are long enough
/// and start alike; `0.0` otherwise.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let (ca, cb) = (a.chars().count(), b.chars().count());
    if ca < MIN_LEN || cb < MIN_LEN || a.chars().next() != b.chars().next() {
        return 0.0;
    }
    if a.chars().any(|c| c.is_ascii_digit()) || b.chars().any(|c| c.is_ascii_digit()) {
        // "2019" and "2018" are different facts, not spellings.
        return 0.0;
    }
    let ta = trigrams(a);
    let tb = trigrams(b);
    let mut common = 0usize;
    let (mut i, mut j) = (0, 0);
    while i < ta.len() && j < tb.len() {
        match ta[i].cmp(&tb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (ta.len() + tb.len()) as f64
}

fn trigrams(word: &str) -> Vec<[char; 3]> {
    let chars: Vec<char> = std::iter::once('^')
        .chain(word.chars())
        .chain(std::iter::once('$'))
        .collect();
    let mut out: Vec<[char; 3]> = chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
    out.sort_unstable();
    out
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
