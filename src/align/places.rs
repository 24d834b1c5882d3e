//! The places and parties a sentence tells a fact about (issue 9: two facts of one event are
//! often told in the same words of another place, primary or party: "Clinton won Ohio" /
//! "Clinton wins Missouri", "exit polls in South Carolina" / "exit polls from New Hampshire",
//! "Democratic voters said …" / "Republican voters also said …").
//!
//! A place is a US state or a country named as such, not as part of a title or a larger name:
//! "Texas Sen. Ted Cruz", "the former Florida governor", "the senator from Vermont", "The New
//! York Times" and a dateline ("DES MOINES, Iowa —") name no place of the fact. The United
//! States, Britain and their short forms are left out: the two corpora's home countries, named
//! in passing everywhere ("U.S. leadership", "the UK's", "in Britain").

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::tokenize::Token;

/// US states (Washington and New York left out: a city, a capital, a newspaper as often as a
/// state) and countries, lower case, words separated by one space.
const PLACES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "west virginia",
    "wisconsin",
    "wyoming",
    "puerto rico",
    "afghanistan",
    "argentina",
    "australia",
    "austria",
    "belgium",
    "brazil",
    "canada",
    "china",
    "cuba",
    "denmark",
    "egypt",
    "france",
    "germany",
    "greece",
    "india",
    "indonesia",
    "iran",
    "iraq",
    "ireland",
    "northern ireland",
    "israel",
    "italy",
    "japan",
    "jordan",
    "kenya",
    "lebanon",
    "libya",
    "mexico",
    "netherlands",
    "new zealand",
    "nigeria",
    "north korea",
    "south korea",
    "pakistan",
    "poland",
    "portugal",
    "russia",
    "saudi arabia",
    "scotland",
    "south africa",
    "spain",
    "sweden",
    "switzerland",
    "syria",
    "turkey",
    "ukraine",
    "wales",
    "zimbabwe",
];

/// Words after a place that make it part of a title or a larger name ("Texas Sen.", "Ohio
/// Gov.", "New Jersey governor", "Florida Atlantic University", "Georgia Tech").
const NAME_AFTER: &[&str] = &[
    "attorney",
    "billionaire",
    "businessman",
    "city",
    "congressman",
    "congresswoman",
    "county",
    "daily",
    "globe",
    "gov",
    "governor",
    "herald",
    "journal",
    "lt",
    "magazine",
    "mogul",
    "native",
    "post",
    "rep",
    "representative",
    "sen",
    "senator",
    "state",
    "tech",
    "times",
    "tribune",
    "university",
];

/// Titles that, with "from" or "of", name an office, not the place of a fact ("the senator
/// from Vermont", "governor of Ohio").
const TITLES: &[&str] = &[
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "rep",
    "representative",
    "sen",
    "senator",
];

/// Place entries by first word.
fn table() -> &'static FxHashMap<&'static str, Vec<Vec<&'static str>>> {
    static TABLE: OnceLock<FxHashMap<&'static str, Vec<Vec<&'static str>>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: FxHashMap<&'static str, Vec<Vec<&'static str>>> = FxHashMap::default();
        for place in PLACES {
            let words: Vec<&'static str> = place.split(' ').collect();
            map.entry(words[0]).or_default().push(words);
        }
        // Longest first: "west virginia" before "virginia" is not needed (another first
        // word), but "northern ireland" is, and a longer entry must win over a shorter one.
        for list in map.values_mut() {
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        map
    })
}

/// A word's key without a closing full stop ("Sen.") or a possessive ending ("China's").
fn word(t: &Token) -> &str {
    let w = t.key.as_str().trim_end_matches('.');
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .unwrap_or(w)
}

/// The places a sentence tells of (indexes into [`PLACES`]), sorted and unique.
pub fn places(tokens: &[Token]) -> Vec<u16> {
    let words: Vec<(usize, &Token)> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_wordlike())
        .collect();
    let table = table();
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let t = words[k].1;
        let entries = t
            .capitalised
            .then(|| table.get(word(t)))
            .flatten()
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let Some(entry) = entries.iter().find(|e| {
            e.iter().enumerate().all(|(n, w)| {
                words
                    .get(k + n)
                    .is_some_and(|(_, t)| t.capitalised && word(t) == *w)
            })
        }) else {
            k += 1;
            continue;
        };
        let end = k + entry.len();
        let next = words.get(end).map(|(_, t)| word(t));
        let last_at = words[end - 1].0;
        // Adjacent in the text (no punctuation between), the next word makes it a name part.
        let glued = words.get(end).is_some_and(|&(j, _)| {
            j == last_at + 1 && next.is_some_and(|n| NAME_AFTER.contains(&n))
        });
        let office = k >= 2
            && matches!(word(words[k - 1].1), "from" | "of")
            && TITLES.contains(&word(words[k - 2].1));
        // A dateline: a place among the first words, followed by a dash.
        let dateline = k < 6
            && tokens
                .get(last_at + 1)
                .is_some_and(|t| matches!(t.key.as_str(), "—" | "–" | "--" | "-"));
        if !glued && !office && !dateline {
            let joined = entry.join(" ");
            if let Some(i) = PLACES.iter().position(|p| *p == joined) {
                out.push(i as u16);
            }
        }
        k = end;
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Words after a party name that make it a description of a person ("Republican front-runner
/// Donald Trump", "Democrat Sen. Bernie Sanders", "Democratic hopeful Bernie Sanders"): the
/// party of who acts, not of the fact ("Democratic voters", "the Republican primary").
const PERSON_AFTER: &[&str] = &[
    "candidate",
    "candidates",
    "challenger",
    "congressman",
    "congresswoman",
    "contender",
    "front",
    "front-runner",
    "frontrunner",
    "gov",
    "governor",
    "hopeful",
    "hopefuls",
    "lawmaker",
    "lawmakers",
    "leader",
    "leaders",
    "nominee",
    "operative",
    "presidential",
    "presumptive",
    "rep",
    "representative",
    "rival",
    "rivals",
    "sen",
    "senator",
    "senators",
    "strategist",
];

/// Capitalised words after a party name that keep it the party of the fact ("the Missouri
/// Democratic Primary", "the Republican National Convention"); any other capitalised word
/// after it is a name ("Republican Donald Trump").
const EVENT_AFTER: &[&str] = &[
    "caucus",
    "caucuses",
    "convention",
    "debate",
    "national",
    "party",
    "primaries",
    "primary",
    "voters",
];

/// The parties a sentence tells a fact of: bit 1 Democratic, bit 2 Republican.
pub fn parties(tokens: &[Token]) -> u8 {
    let words: Vec<&Token> = tokens.iter().filter(|t| t.is_wordlike()).collect();
    let mut mask = 0;
    for (k, t) in words.iter().enumerate() {
        if !t.capitalised {
            continue;
        }
        let bit = match word(t) {
            "democrat" | "democrats" | "democratic" => 1,
            "republican" | "republicans" | "gop" => 2,
            _ => continue,
        };
        let person = words.get(k + 1).is_some_and(|n| {
            let w = word(n);
            PERSON_AFTER.contains(&w) || (n.capitalised && !EVENT_AFTER.contains(&w))
        });
        if !person {
            mask |= bit;
        }
    }
    mask
}

/// Whether two sentences tell of different places or parties: both name one, and none in
/// common.
pub fn differ(a: &[Token], b: &[Token]) -> bool {
    let (pa, pb) = (places(a), places(b));
    if !pa.is_empty() && !pb.is_empty() && !pa.iter().any(|p| pb.binary_search(p).is_ok()) {
        return true;
    }
    let (qa, qb) = (parties(a), parties(b));
    qa != 0 && qb != 0 && qa & qb == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Token> {
        crate::tokenize::tokenize(text, crate::span::Span::new(0, text.len()))
    }

    fn named(text: &str) -> Vec<&'static str> {
        places(&tokens(text))
            .into_iter()
            .map(|i| PLACES[usize::from(i)])
            .collect()
    }

    #[test]
    fn places_of_the_fact_not_of_a_title_or_a_name() {
        assert_eq!(
            named("Clinton won Ohio, Florida and North Carolina."),
            ["florida", "north carolina", "ohio"]
        );
        assert_eq!(
            named("Exit polls taken in South Carolina found that."),
            ["south carolina"]
        );
        assert!(named("Texas Sen. Ted Cruz said it again.").is_empty());
        assert!(named("The former Florida governor took 6 percent.").is_empty());
        assert!(named("He is the senator from Vermont.").is_empty());
        assert!(named("DES MOINES, Iowa — Ted Cruz spoke.").is_empty());
        assert_eq!(named("Ted Cruz won his home state of Texas."), ["texas"]);
        assert_eq!(
            named("China's thirst for oil has pushed prices up."),
            ["china"]
        );
        assert_eq!(
            named("Hillary Clinton Wins Missouri Democratic Primary."),
            ["missouri"]
        );
    }

    #[test]
    fn different_places_or_parties_differ() {
        let t = |s: &str| tokens(s);
        assert!(differ(
            &t("Exit polls in South Carolina found most support a ban."),
            &t("Exit polls from New Hampshire found 65 percent supported the ban.")
        ));
        assert!(differ(
            &t("Most New York Democratic voters said Wall Street hurts the economy."),
            &t("Republican primary voters also said Wall Street hurts the economy.")
        ));
        assert!(!differ(
            &t("Republican Sen. Ted Cruz won the primary in Oklahoma and in Texas."),
            &t("Texas Sen. Ted Cruz has won another Republican primary, Oklahoma.")
        ));
        assert!(!differ(
            &t("Democratic front-runner Hillary Clinton claimed ISIS used Donald Trump."),
            &t("Clinton claimed statements by Republican front-runner Donald Trump help ISIS.")
        ));
        assert!(!differ(
            &t("Clinton won Ohio."),
            &t("Clinton carried the state easily.")
        ));
    }
}
