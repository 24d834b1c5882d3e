//! Claim drift inside one aligned pair: what a fact-checker looks for when two articles tell
//! the same fact. Takes the documents and a [`SentencePair`], returns [`Drift`] flags.
//!
//! Every flag is built to be trusted (issue 9; measured on `tests/data/drift_benchmark.tsv`):
//! - **number**: figures, spelled numbers, ordinals and dates compared as values, so number
//!   formatting never fires ("3.4million" / "3.4 million", "12,000" / "12000", "1.3bn" / "1.3
//!   billion"); in an edited pair a figure on one side only fires (a clause with a figure
//!   dropped), in a framing pair only a changed figure does;
//! - **hedge**: "may", "likely", "seemed to" on one side only; "May" the month and "could" of
//!   ability ("could not reach", "could see") are no hedges;
//! - **attribution**: a loaded verb ("claimed", "alleged", "insisted") against a neutral one or
//!   none at all; neutral verbs ("said", "told", "stated", "says") never fire among themselves;
//! - **negation**: one "not" more or fewer in an edited pair ("backed" / "has not backed");
//! - **subject**: a name replaced by another where it is the subject of a verb ("IBM said" /
//!   "Intel said"), never a title, an outlet, an abbreviation of the same name ("U.S." /
//!   "United States", "Calif." / "California"), a Title-Case headline word, or a name the other
//!   article has in the neighbouring sentence.

use std::collections::BTreeSet;

use super::lexicon;
use super::{Drift, DriftKind};
use crate::align::{self, EditOp, PairKind, SentencePair, Side};
use crate::tokenize::{self, Document, Token, TokenKind};

/// One side of a pair as drift sees it: its tokens in diff order and where they come from.
struct View<'d> {
    doc: &'d Document,
    toks: Vec<&'d Token>,
    /// Sentence index of each token.
    sentence_of: Vec<usize>,
    /// Tokens of the neighbouring sentences in the same paragraph (one before, one after the
    /// side) that tell part of the other side's fact: where a sentence split or joined
    /// elsewhere puts a word. Filled by [`View::find_near`].
    near: Vec<&'d Token>,
    /// Tokens of all neighbouring sentences in the same paragraph.
    beside: Vec<&'d Token>,
    /// Whether the side tells a time relative to now ([`relative_time`]), read on first use:
    /// asked once per figure, it would read a long side once per figure.
    relative_time: std::cell::OnceCell<bool>,
}

impl<'d> View<'d> {
    fn new(documents: &'d [Document], side: &Side) -> View<'d> {
        let doc = &documents[side.doc];
        let toks = align::side_tokens(documents, side, false);
        let sentence_of = side
            .sentences
            .iter()
            .flat_map(|&s| std::iter::repeat_n(s, doc.tokens[s].len()))
            .collect();
        View {
            doc,
            toks,
            sentence_of,
            near: Vec::new(),
            beside: Vec::new(),
            relative_time: std::cell::OnceCell::new(),
        }
    }

    /// Fills `near` with the neighbouring sentences of `side` in its paragraph that share at
    /// least two content words with `other` (so a neighbour on another matter, "we nearly went
    /// to war with Iran", does not hide a swapped name).
    fn find_near(&mut self, side: &Side, other: &View) {
        let doc = self.doc;
        let (Some(&lo), Some(&hi)) = (side.sentences.iter().min(), side.sentences.iter().max())
        else {
            return;
        };
        let para = |k: usize| doc.sentences[k].paragraph;
        for s in [lo.checked_sub(1), Some(hi + 1)].into_iter().flatten() {
            if s >= doc.tokens.len()
                || side.sentences.contains(&s)
                || (para(s) != para(lo) && para(s) != para(hi))
            {
                continue;
            }
            let shared: BTreeSet<&str> = doc.tokens[s]
                .iter()
                .filter(|t| t.content && other.toks.iter().any(|o| o.key == t.key))
                .map(|t| t.key.as_str())
                .collect();
            if shared.len() >= 2 {
                self.near.extend(doc.tokens[s].iter());
            }
            self.beside.extend(doc.tokens[s].iter());
        }
    }

    fn text(&self) -> &'d str {
        &self.doc.article.text
    }

    fn word(&self, i: usize) -> &'d str {
        self.toks[i].span().slice(self.text())
    }

    /// Whether token `i` is the first word of its sentence (where every word is capitalised).
    fn opens_sentence(&self, i: usize) -> bool {
        let s = self.sentence_of[i];
        let start = self.doc.sentences[s].span.start;
        !self.text()[start..self.toks[i].span().start]
            .chars()
            .any(char::is_alphanumeric)
    }

    /// Whether the neighbouring sentences hold the word of `own[at]` (`own[at..end]` being the
    /// item): anywhere in a neighbour on the same fact, or in any neighbour with the same word
    /// beside it ("45 of them" against "Some 45 of them were").
    fn near_has(&self, own: &[&Token], at: usize, end: usize) -> bool {
        let key = &own[at].key;
        if self.near.iter().any(|t| t.key == *key) {
            return true;
        }
        let prev = at.checked_sub(1).map(|k| &own[k].key);
        let next = own.get(end).map(|t| &t.key);
        let len = end - at;
        (0..self.beside.len()).any(|j| {
            self.beside[j].key == *key
                && (j
                    .checked_sub(1)
                    .zip(prev)
                    .is_some_and(|(k, p)| self.beside[k].key == *p)
                    || self
                        .beside
                        .get(j + len)
                        .zip(next)
                        .is_some_and(|(t, n)| t.key == *n))
        })
    }

    /// The word-like token before `i`, in the same sentence.
    fn prev_word(&self, i: usize) -> Option<usize> {
        (0..i)
            .rev()
            .take_while(|&j| self.sentence_of[j] == self.sentence_of[i])
            .find(|&j| self.toks[j].is_wordlike())
    }

    /// The next word-like token after `i`, in the same sentence.
    fn next_word(&self, i: usize) -> Option<usize> {
        (i + 1..self.toks.len())
            .take_while(|&j| self.sentence_of[j] == self.sentence_of[i])
            .find(|&j| self.toks[j].is_wordlike())
    }
}

/// The drift flags of one edited or framing pair.
pub fn drift(documents: &[Document], pair: &SentencePair) -> Vec<Drift> {
    let mut left = View::new(documents, &pair.left);
    let mut right = View::new(documents, &pair.right);
    left.find_near(&pair.left, &right);
    right.find_near(&pair.right, &left);
    let small = small_edits(pair, &left, &right, SMALL_EDIT_WORDS);
    let mut out = Vec::new();
    // Drift is one claim told with a detail changed. Two sentences that share names and a
    // phrase but say different things of them ("the poll was conducted in late October" /
    // "Jewish groups condemned Trump's proposal") hold no claim to drift: measured on real
    // cross-outlet news (`tests/data/drift_real.tsv`), most flags on such pairs were false.
    // A fragment ("- Bernie Sanders.") is no claim.
    let words = |v: &View| v.toks.iter().filter(|t| t.is_wordlike()).count();
    if words(&left).min(words(&right)) < MIN_CLAIM_WORDS {
        return out;
    }
    let shared = shared_share(pair, &left, &right);
    if pair.kind == PairKind::Framing || pair.edits.is_empty() {
        // Told in other words, only a hedge on the shared verb is trusted ("seemed to breach" /
        // "breached"); figures, verbs of saying, names and negations of a sentence in other
        // words were seldom the same claim changed.
        if content_share(&left, &right) >= FRAMING_SHARED
            && !opening_replaced(pair, &left, &right, true)
            && let Some(d) = hedges(pair, &left, &right, &small)
        {
            out.push(d);
        }
        // A name swapped beside one word, the other article never naming it ("officials
        // insisted … that Khataib Hezbollah carried out the attack" / "… claims … that Iran is
        // behind the attack"): its own checks are strict enough without the gate.
        // A date told of the shared claim's own words, the other side giving none ("The first
        // convictions for P2P piracy were handed out in the US in January" / "… have been
        // handed down in the US").
        if content_share(&left, &right) >= FRAMING_SHARED
            && !opening_replaced(pair, &left, &right, false)
            && let Some(d) = framing_date(&left, &right)
        {
            out.push(d);
        }
        out.extend(subjects(pair, &left, &right));
        return out;
    }
    // And what is shared must be more than names and titles: "former secretary of State
    // Hillary Clinton and … Bernie Sanders" shared by "the caucuses were closely divided" and
    // "MSNBC aired the fifth debate" is no claim.
    if shared < EDITED_SHARED || content_share(&left, &right) < EDITED_CONTENT_SHARED {
        return out;
    }
    let clause = small_edits(pair, &left, &right, CLAUSE_EDIT_WORDS);
    // Two sentences that open on different subjects and meet only in what follows
    // ("Forty-one percent would choose Sanders to be the next president of the United States" /
    // "I'm going to be the next president of the United States") tell two facts: no figure,
    // hedge or negation of one is a change of the other.
    let same_subject = !opening_replaced(pair, &left, &right, false);
    let dated = small_edits_with(pair, &left, &right, CLAUSE_EDIT_WORDS, false);
    let copy = copy_share(pair, &left, &right);
    if same_subject && let Some(d) = numbers(pair, &left, &right, &small, [&clause, &dated], copy) {
        out.push(d);
    }
    if same_subject && let Some(d) = hedges(pair, &left, &right, &small) {
        out.push(d);
    }
    let framed = attribution_frames(pair, &left, &right, &small);
    if let Some(d) = attribution(pair, &left, &right, &framed) {
        out.push(d);
    } else if let Some(d) = neutral_frame(pair, &left, &right) {
        out.push(d);
    }
    if same_subject && let Some(d) = negation(pair, &left, &right, &small) {
        out.push(d);
    }
    out.extend(subjects(pair, &left, &right));
    out
}

/// Least share of the shorter side's content words other than names that the other side has,
/// for an edited pair to carry drift.
const EDITED_CONTENT_SHARED: f64 = 0.6;

/// Fewest words on each side for a sentence to hold a claim that can drift.
const MIN_CLAIM_WORDS: usize = 6;

/// Least share of the shorter side's words in runs both sides have word for word, for an
/// edited pair to carry drift: one claim with a detail changed keeps most of its words.
const EDITED_SHARED: f64 = 0.6;
/// Least share of the shorter side's content words the other side has, in any order, for a
/// framing pair to carry a hedge flag (the hedge must also sit on a verb both sides have).
const FRAMING_SHARED: f64 = 0.3;

/// Most words on one side of an edit that still count as a clause dropped or added with its
/// figure ("and 98.8% of the non-voting shares"); a longer insertion tells another fact.
const CLAUSE_EDIT_WORDS: usize = 8;

/// The share of the shorter side's content words whose stem the other side has, in any order
/// (a framing pair's word diff says little: its clauses are reordered). Names are left out:
/// two sentences about the same people may say different things of them; what must be shared
/// is what they say.
fn content_share(left: &View, right: &View) -> f64 {
    let stems = |v: &View| -> Vec<String> {
        v.toks
            .iter()
            .filter(|t| t.content && t.is_wordlike() && !t.capitalised)
            .map(|t| stem(t.key.as_str()).to_string())
            .collect()
    };
    let (l, r) = (stems(left), stems(right));
    let (short, long) = if l.len() <= r.len() { (l, r) } else { (r, l) };
    if short.is_empty() {
        return 0.0;
    }
    let long: BTreeSet<String> = long.into_iter().collect();
    short.iter().filter(|s| long.contains(*s)).count() as f64 / short.len() as f64
}

/// Whether the pair opens with words replaced by others that share no content word (verbs of
/// saying aside: "Mr Livingstone has said" / "He conceded" is one subject) before the first
/// run of shared content words. With `named`, only when both replaced openings name someone
/// ("Meanwhile, United's budget airline, Kingfisher Airlines," / "Boeing's great European
/// competitor"): a framing pair is worded apart from its first word.
fn opening_replaced(pair: &SentencePair, left: &View, right: &View, named: bool) -> bool {
    let names = |toks: &[&Token], v: &View| {
        toks.iter().any(|t| {
            t.kind == TokenKind::Word
                && t.span().slice(v.text()).starts_with(char::is_uppercase)
                && !tokenize::is_stopword(&t.key)
        })
    };
    let stems = |toks: &[&Token]| -> BTreeSet<String> {
        toks.iter()
            .filter(|t| t.content && t.is_wordlike())
            .map(|t| t.key.as_str())
            .filter(|k| {
                !lexicon::ATTRIBUTION_VERBS.contains(k)
                    && !lexicon::LOADED_ATTRIBUTION_VERBS.contains(k)
            })
            .map(|k| stem(k).to_string())
            .collect()
    };
    for e in &pair.edits {
        let lt = left.toks.get(e.left.clone()).unwrap_or(&[]);
        let rt = right.toks.get(e.right.clone()).unwrap_or(&[]);
        match e.op {
            // A single shared word ("However,") does not yet tell whose claim it is; a single
            // shared name standing alone ("Parmalat was declared insolvent" / "Parmalat
            // collapsed in December 2003") does.
            EditOp::Equal => {
                let lone_name = !named
                    && lt.len() == 1
                    && lt[0].kind == TokenKind::Word
                    && lt[0].content
                    && lt[0].capitalised
                    && !lexicon::DISCOURSE_OPENERS.contains(&lt[0].key.as_str());
                if lone_name
                    || (lt.iter().filter(|t| t.is_wordlike()).count() > 1
                        && lt.iter().any(|t| t.content && t.is_wordlike()))
                {
                    return false;
                }
            }
            EditOp::Replace => {
                let (ls, rs) = (stems(lt), stems(rt));
                // "Yukos filed for" / "Yukos made its surprise … filing": the replaced
                // opening's words told further on are one subject's verb reworded.
                let short = |toks: &[&Token]| {
                    toks.iter().filter(|t| t.is_wordlike()).count() <= SMALL_EDIT_WORDS
                };
                let told_further = |own: &BTreeSet<String>, other: &View| {
                    !named && short(lt) && short(rt) && !own.is_disjoint(&stems(&other.toks))
                };
                return !ls.is_empty()
                    && !rs.is_empty()
                    && ls.is_disjoint(&rs)
                    && !told_further(&ls, right)
                    && !told_further(&rs, left)
                    && (!named || (names(lt, left) && names(rt, right)));
            }
            EditOp::Insert | EditOp::Delete => return false,
        }
    }
    false
}

/// The share of the shorter side's words that lie in equal runs of the word diff.
fn shared_share(pair: &SentencePair, left: &View, right: &View) -> f64 {
    let words = |toks: &[&Token]| toks.iter().filter(|t| t.is_wordlike()).count();
    let equal: usize = pair
        .edits
        .iter()
        .filter(|e| e.op == EditOp::Equal)
        .filter_map(|e| left.toks.get(e.left.clone()))
        .map(&words)
        .sum();
    let shorter = words(&left.toks).min(words(&right.toks));
    if shorter == 0 {
        return 0.0;
    }
    equal as f64 / shorter as f64
}

/// The share of the longer side's words that lie in equal runs: a close copy on both sides.
fn copy_share(pair: &SentencePair, left: &View, right: &View) -> f64 {
    let words = |toks: &[&Token]| toks.iter().filter(|t| t.is_wordlike()).count();
    let equal: usize = pair
        .edits
        .iter()
        .filter(|e| e.op == EditOp::Equal)
        .filter_map(|e| left.toks.get(e.left.clone()))
        .map(&words)
        .sum();
    let longer = words(&left.toks).max(words(&right.toks));
    if longer == 0 {
        return 0.0;
    }
    equal as f64 / longer as f64
}

/// Most words on one side of an edit that still count as a small edit of a claim.
const SMALL_EDIT_WORDS: usize = 4;

/// Which tokens of each side lie in small edits of the word diff (at most
/// [`SMALL_EDIT_WORDS`] words on each side of the edit): "300 jobs" against "450 jobs", "was
/// likely carried out" against "was carried out". A clause added around the shared words is
/// new content, not a changed fact.
struct Small {
    left: Vec<bool>,
    right: Vec<bool>,
}

fn small_edits(pair: &SentencePair, left: &View, right: &View, most: usize) -> Small {
    small_edits_with(pair, left, right, most, true)
}

/// [`small_edits`], with `phrases` false letting any clause of at most `most` words count (a
/// date dropped with its clause: "The sale went ahead in December and").
fn small_edits_with(
    pair: &SentencePair,
    left: &View,
    right: &View,
    most: usize,
    phrases: bool,
) -> Small {
    let words = |toks: &[&Token]| toks.iter().filter(|t| t.is_wordlike()).count();
    let mut small = Small {
        left: vec![false; left.toks.len()],
        right: vec![false; right.toks.len()],
    };
    for e in pair.edits.iter().filter(|e| e.op != EditOp::Equal) {
        let (Some(lt), Some(rt)) = (
            left.toks.get(e.left.clone()),
            right.toks.get(e.right.clone()),
        ) else {
            continue;
        };
        // A relative clause added or dropped ("…, which cost £9m to bring to the stage,") tells
        // another fact about a shared name, unless it is a word-sized edit.
        let relative = |toks: &[&Token]| {
            toks.iter().find(|t| t.is_wordlike()).is_some_and(|t| {
                matches!(t.key.as_str(), "which" | "who" | "whose" | "where" | "as")
            })
        };
        let relative = most > SMALL_EDIT_WORDS && (relative(lt) || relative(rt));
        // A clause longer than a small edit qualifies the claim only as a phrase of time or
        // measure ("for a sixth month in a row"); "is designed to produce 12,600 MW of
        // electricity, and" or "America's former world indoor 200m champion" tell more.
        // "and 98.8% of the non-voting shares", "and $499 in the US": a figure joined on.
        let phrase = |toks: &[&Token]| {
            let mut wordlike = toks
                .iter()
                .filter(|t| t.is_wordlike() || t.kind == TokenKind::Sign);
            let first = wordlike.next().map(|t| t.key.as_str());
            let second = wordlike.next();
            words(toks) <= SMALL_EDIT_WORDS
                || first.is_some_and(|k| lexicon::MEASURE_PREPOSITIONS.contains(&k))
                || (matches!(first, Some("and" | "or"))
                    && second.is_some_and(|t| {
                        t.kind == TokenKind::Number
                            || t.kind == TokenKind::Sign
                            || t.key.starts_with(|c: char| c.is_ascii_digit())
                    }))
        };
        // Without the phrase rule (dates), a clause still may not be linked on as another
        // event ("following his arrest in October 2003", "and runs from 6 to 9 January", "The
        // awards have been running since 1997, but in").
        let linked = |toks: &[&Token]| {
            words(toks) > SMALL_EDIT_WORDS
                && (toks
                    .iter()
                    .find(|t| t.is_wordlike())
                    .is_some_and(|t| lexicon::CLAUSE_LINKS.contains(&t.key.as_str()))
                    || toks.iter().any(|t| {
                        matches!(t.key.as_str(), "but" | "while" | "whereas" | "although")
                    }))
        };
        if words(lt) <= most
            && words(rt) <= most
            && !relative
            && (if phrases {
                phrase(lt) && phrase(rt)
            } else {
                !linked(lt) && !linked(rt)
            })
        {
            small.left[e.left.clone()].fill(true);
            small.right[e.right.clone()].fill(true);
        }
    }
    small
}

/// A figure, spelled number, ordinal or date, as a value.
#[derive(Clone, Debug)]
struct Quantity {
    /// The value: "3400000", "month:march", "day:tuesday".
    key: String,
    /// As written.
    shown: String,
    /// First token.
    at: usize,
    /// After the last token.
    end: usize,
    /// A word too often not a figure to fire alone: "one", "first", "second", a weekday,
    /// "yesterday" (one outlet's Tuesday is another's yesterday).
    weak: bool,
    /// The value of a figure (none for months and days).
    value: Option<f64>,
}

/// Whether the word at `i` is capitalised and names something: not a function word, a month,
/// a day or the first word of its sentence.
fn name_word(view: &View, toks: &[&Token], i: usize, opening: &dyn Fn(usize) -> bool) -> bool {
    let t = toks[i];
    let key = t.key.as_str();
    t.kind == TokenKind::Word
        && t.span().slice(view.text()).starts_with(char::is_uppercase)
        && !tokenize::is_stopword(key)
        && !lexicon::MONTHS.contains(&key)
        && !lexicon::MONTH_ABBREVIATIONS.iter().any(|(a, _)| *a == key)
        && !lexicon::DAY_WORDS.contains(&key)
        && key != "may"
        && !opening(i)
}

/// Whether token `at` lies in a dateline: "WASHINGTON, Dec. 8 (UPI) — …" (a sentence opening
/// with a word in capitals, a dash within its first words).
fn in_dateline(view: &View, toks: &[&Token], at: usize) -> bool {
    // A dateline's words are among the first 12 of their sentence: the walk back to the
    // sentence's start stops there (walking to it from every token of a long sentence was
    // quadratic: 12 s for one 1 MB sentence).
    const WITHIN: usize = 12;
    let sentence = view.sentence_of.get(at).copied();
    let same = |k: usize| view.sentence_of.get(k).copied() == sentence;
    if at >= WITHIN && same(at - WITHIN) {
        return false;
    }
    let first = (at.saturating_sub(WITHIN - 1)..at)
        .rev()
        .take_while(|&k| same(k))
        .last()
        .unwrap_or(at);
    let caps_opening = toks[first].kind == TokenKind::Word && {
        let w = toks[first].span().slice(view.text());
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    };
    caps_opening
        && at < first + WITHIN
        && toks[at..toks.len().min(first + 14)]
            .iter()
            .any(|t| matches!(t.span().slice(view.text()), "—" | "--" | "–"))
}

/// Whether the figure at `toks[at..end]` is no claimed quantity: part of a name ("BBC Radio
/// 4", "Xbox 2", "Radio Five Live", "Six Nations"), a conversion in brackets after another
/// figure ("68m euros ($89m; £47m)", "$11bn (£5.7bn)"), or someone's age ("Zimmerman, 32,",
/// "the 87-year-old").
fn not_a_claim(
    view: &View,
    toks: &[&Token],
    at: usize,
    end: usize,
    opening: &dyn Fn(usize) -> bool,
) -> bool {
    // Joined to a name, with no punctuation between (the token next to it is a word), unless
    // a unit follows ("the UK 69% of those", "Clinton 46 percent").
    let unit = toks.get(end).is_some_and(|t| {
        t.kind == TokenKind::Sign
            || matches!(t.key.as_str(), "percent" | "per" | "points" | "pc")
            || lexicon::SCALE_WORDS
                .iter()
                .any(|(w, _)| *w == t.key.as_str())
    });
    if unit {
        return false;
    }
    // A name before the figure ("Radio 4"), or after a capitalised number word ("Six
    // Nations"); "24 British nominees" is a figure.
    let spelled_cap = toks[at].kind == TokenKind::Word
        && toks[at]
            .span()
            .slice(view.text())
            .starts_with(char::is_uppercase)
        && !opening(at);
    // "Mr Brown's eighth Budget": an ordinal after a possessive counts something of the
    // name's; it is no part of it.
    let possessive_ordinal = at > 0 && {
        let before = toks[at - 1].key.as_str();
        let key = toks[at].key.as_str();
        (before.ends_with("'s") || before.ends_with("s'"))
            && (lexicon::NUMBER_WORDS
                .iter()
                .any(|(w, _)| *w == key && (w.ends_with("th") || ORDINAL_WORDS.contains(w)))
                || (key.starts_with(|c: char| c.is_ascii_digit())
                    && ["st", "nd", "rd", "th"].iter().any(|s| key.ends_with(s))))
    };
    if (at > 0 && name_word(view, toks, at - 1, opening) && !possessive_ordinal)
        || (spelled_cap && end < toks.len() && name_word(view, toks, end, opening))
    {
        return true;
    }
    // In brackets after another figure or a currency.
    let mut j = at;
    while j > 0 {
        j -= 1;
        let t = toks[j];
        let word = t.span().slice(view.text());
        if word == "(" {
            let before = j.checked_sub(1).map(|k| toks[k]);
            return before.is_some_and(|b| {
                b.kind == TokenKind::Number
                    || b.key.starts_with(|c: char| c.is_ascii_digit())
                    || lexicon::CURRENCY_WORDS.contains(&b.key.as_str())
            });
        }
        let figure_like = t.kind == TokenKind::Number
            || t.kind == TokenKind::Sign
            || t.key.starts_with(|c: char| c.is_ascii_digit())
            || matches!(word, ";" | "," | "." | "/");
        if !figure_like {
            break;
        }
    }
    if in_dateline(view, toks, at) {
        return true;
    }
    // An age: "Zimmerman, 32," or "the 87-year-old".
    let word_at = |k: usize| toks.get(k).map(|t| t.span().slice(view.text()));
    let age_between_commas = at >= 2
        && word_at(at - 1) == Some(",")
        && word_at(end) == Some(",")
        && toks[at - 2].kind == TokenKind::Word
        && word_at(at - 2).is_some_and(|w| w.starts_with(char::is_uppercase));
    let year_old = word_at(end) == Some("-")
        && toks.get(end + 1).is_some_and(|t| t.key.starts_with("year"))
        && word_at(end + 2) == Some("-")
        && toks.get(end + 3).is_some_and(|t| t.key == "old");
    age_between_commas || year_old
}

/// Ordinals that do not end in "th" ("eighth", "twentieth" do).
const ORDINAL_WORDS: &[&str] = &["first", "second", "third", "twelfth"];

/// The quantities of a token list (`view` gives the text; `toks` may be any of its tokens).
fn quantities(view: &View, toks: &[&Token], opening: &dyn Fn(usize) -> bool) -> Vec<Quantity> {
    let text = view.text();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let key = t.key.as_str();
        let start = i;
        let mut value: Option<(f64, bool)> = None;
        // The minutes of a time ("6:00 a.m."): the hour is the figure.
        let minutes = i >= 2
            && toks[i - 1].span().slice(text) == ":"
            && toks[i - 2].kind == TokenKind::Number;
        if minutes {
            i += 1;
            continue;
        }
        if t.kind == TokenKind::Number
            || (t.kind == TokenKind::Word && key.starts_with(|c: char| c.is_ascii_digit()))
        {
            value = figure(key).map(|v| (v, false));
        } else if t.kind == TokenKind::Word
            && let Some(&(_, v)) = lexicon::NUMBER_WORDS.iter().find(|(w, _)| *w == key)
        {
            // "one", "first", "second" are as often no figure ("one of them", "at
            // first", "a second time").
            value = Some((v as f64, matches!(key, "one" | "first" | "second")));
        }
        let mut end = i + 1;
        // "Twenty-four" is 24.
        if let Some((v, _)) = value.as_mut()
            && t.kind == TokenKind::Word
            && (*v as u64).is_multiple_of(10)
            && (20.0..100.0).contains(v)
            && toks.get(i + 1).is_some_and(|h| h.span().slice(text) == "-")
            && let Some(&(_, unit)) = toks.get(i + 2).and_then(|u| {
                lexicon::NUMBER_WORDS
                    .iter()
                    .find(|(w, _)| *w == u.key.as_str())
            })
            && unit < 10
        {
            *v += unit as f64;
            end = i + 3;
        }
        if let Some((mut v, weak)) = value {
            if not_a_claim(view, toks, start, end, opening) {
                i = end;
                continue;
            }
            // A cardinal joined to a noun describes someone or something ("a three-judge
            // panel", "the two-time runner-up"): weak, like "one". Ordinals ("third-place")
            // are figures.
            let ordinal = key.ends_with("th")
                || key.ends_with("st")
                || key.ends_with("nd")
                || key.ends_with("rd");
            // A chart place ("at number five") or a span of time ("in the three months between
            // July and September") is as often the same fact told another way or another
            // week's: weak too.
            let rank = start > 0 && matches!(toks[start - 1].key.as_str(), "number" | "no");
            let span = !ordinal
                && toks.get(end).is_some_and(|w| {
                    matches!(
                        w.key.as_str(),
                        "days" | "weeks" | "months" | "years" | "hours"
                    )
                });
            let weak = weak
                || rank
                || span
                || (!ordinal
                    && toks.get(end).is_some_and(|h| h.span().slice(text) == "-")
                    && toks.get(end + 1).is_some_and(|w| w.kind == TokenKind::Word));
            // "3.4 million", "1.3 bn", "two thousand".
            if let Some(j) = (end..toks.len()).find(|&j| toks[j].kind != TokenKind::Punct)
                && let Some(&(_, m)) = lexicon::SCALE_WORDS
                    .iter()
                    .find(|(w, _)| *w == toks[j].key.as_str())
                && j == end
            {
                v *= m;
                end = j + 1;
            }
            let shown = text[toks[start].span().start..toks[end - 1].span().end].to_string();
            out.push(Quantity {
                key: format_value(v),
                shown,
                at: start,
                end,
                weak,
                value: Some(v),
            });
            i = end;
            continue;
        }
        if t.kind == TokenKind::Word && !in_dateline(view, toks, i) {
            let word = t.span().slice(text);
            if key == "may" {
                // "May" the month: capitalised inside a sentence ("held in May").
                if word == "May" && !opening(i) {
                    out.push(Quantity {
                        key: "month:may".into(),
                        shown: word.into(),
                        at: i,
                        end: i + 1,
                        weak: false,
                        value: None,
                    });
                }
            } else if let Some(&(_, month)) = lexicon::MONTH_ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == key)
                .filter(|_| word.starts_with(char::is_uppercase))
            {
                // "Dec. 15" / "December 15th".
                out.push(Quantity {
                    key: format!("month:{month}"),
                    shown: word.into(),
                    at: i,
                    end: i + 1,
                    weak: false,
                    value: None,
                });
            } else if lexicon::MONTHS.contains(&key) {
                out.push(Quantity {
                    key: format!("month:{key}"),
                    shown: word.into(),
                    at: i,
                    end: i + 1,
                    weak: false,
                    value: None,
                });
            } else if lexicon::DAY_WORDS.contains(&key) {
                out.push(Quantity {
                    key: format!("day:{key}"),
                    shown: word.into(),
                    at: i,
                    end: i + 1,
                    weak: true,
                    value: None,
                });
            }
        }
        i += 1;
    }
    out
}

/// The value of a figure key: "12,000" → 12000, "3.4million" → 3400000, "1.3bn", "27th".
fn figure(key: &str) -> Option<f64> {
    let digits_end = key
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(key.len());
    let (digits, suffix) = key.split_at(digits_end);
    let digits: String = digits.chars().filter(|&c| c != ',').collect();
    let v: f64 = digits.trim_end_matches('.').parse().ok()?;
    let scale = match suffix {
        "" | "st" | "nd" | "rd" | "th" | "s" => 1.0,
        // "6km" / "six kilometres", "6:00AM": a unit joined on.
        s if lexicon::UNIT_SUFFIXES.contains(&s) => 1.0,
        s => lexicon::SCALE_WORDS.iter().find(|(w, _)| *w == s)?.1,
    };
    Some(v * scale)
}

fn format_value(v: f64) -> String {
    if (v - v.round()).abs() < 1e-6 {
        format!("{:.0}", v.round())
    } else {
        format!("{}", (v * 1e6).round() / 1e6)
    }
}

/// Whether a side tells a time relative to the day of writing ("last year", "two years ago").
fn relative_time(view: &View) -> bool {
    *view.relative_time.get_or_init(|| reads_relative_time(view))
}

fn reads_relative_time(view: &View) -> bool {
    let words: Vec<&str> = view
        .toks
        .iter()
        .filter(|t| t.is_wordlike())
        .map(|t| t.key.as_str())
        .collect();
    words.iter().any(|w| lexicon::RELATIVE_TIME.contains(w))
        || words.windows(2).any(|w| {
            matches!(w[0], "last" | "this" | "next") && lexicon::RELATIVE_PERIODS.contains(&w[1])
        })
}

/// Whether the two sides share a name: a capitalised word (not a function word, title, month
/// or day) one side writes and the other has too. A figure is compared only where the claim is
/// tied to something named; "The margin of error is plus or minus 3.4 percentage points" /
/// "… 5.7 percentage points" are two polls as often as not.
fn shares_name(left: &View, right: &View) -> bool {
    let named = |v: &View, other: &View| {
        (0..v.toks.len()).any(|i| {
            let t = v.toks[i];
            let key = t.key.as_str();
            // "US" is a name, "us" a word.
            let acronym = v.word(i).chars().filter(|c| c.is_alphabetic()).count() >= 2
                && v.word(i)
                    .chars()
                    .all(|c| !c.is_alphabetic() || c.is_uppercase());
            t.kind == TokenKind::Word
                && v.word(i).starts_with(char::is_uppercase)
                && (acronym || !tokenize::is_stopword(key))
                && !is_title(v.word(i))
                && !lexicon::MONTHS.contains(&key)
                && !lexicon::DAY_WORDS.contains(&key)
                && key != "may"
                && other.toks.iter().enumerate().any(|(j, o)| {
                    o.key == t.key
                        && (!v.opens_sentence(i)
                            || (other.word(j).starts_with(char::is_uppercase)
                                && !other.opens_sentence(j)))
                })
        })
    };
    named(left, right) || named(right, left)
}

/// Least share of the longer side's words in equal runs for a pair to count as a close copy,
/// where a figure changed in place needs no other evidence than a name both tell that the two
/// are one fact.
const CLOSE_COPY: f64 = 0.9;

/// Whether the date `q` of `view` ("in January", "on 10 February") is told of a word the
/// other side has: read back from its preposition, the first content word is on the other side
/// and so is every content word between ("were handed out in the US in January" / "have been
/// handed down in the US"; "opens the German festival on 10 February" / "This year's festival
/// will open with …"), while the other side gives no date or time of its own. "won the Oscar
/// in 2004" / "won the Bafta" is not: "Oscar" is the other side's no more.
fn date_on_shared_word(
    view: &View,
    q: &Quantity,
    other: &View,
    other_q: &[Quantity],
    past_verb: bool,
) -> bool {
    let month_or_year = q.key.starts_with("month:")
        || q.value
            .is_some_and(|v| v.fract() == 0.0 && (1900.0..=2100.0).contains(&v));
    if q.weak || !month_or_year || relative_time(other) {
        return false;
    }
    let other_dated = other_q.iter().any(|o| {
        o.key.starts_with("month:")
            || o.key.starts_with("day:")
            || o.value
                .is_some_and(|v| v.fract() == 0.0 && (1900.0..=2100.0).contains(&v))
    });
    if other_dated {
        return false;
    }
    let on_other = |k: usize| {
        let st = stem(view.toks[k].key.as_str());
        other.toks.iter().any(|t| {
            let o = stem(t.key.as_str());
            t.is_wordlike()
                && (o == st
                    || (o.len().min(st.len()) >= 4 && (o.starts_with(st) || st.starts_with(o))))
        })
    };
    // Back from the date over a day number ("10 February") to its preposition.
    let mut k = q.at;
    while k > 0 && view.sentence_of[k - 1] == view.sentence_of[q.at] {
        k -= 1;
        let t = view.toks[k];
        if t.kind == TokenKind::Number && figure(&t.key).is_some_and(|v| v <= 31.0) {
            continue;
        }
        break;
    }
    if k == q.at || !matches!(view.toks[k].key.as_str(), "in" | "on") {
        return false;
    }
    let mut words = 0;
    while k > 0 && view.sentence_of[k - 1] == view.sentence_of[q.at] {
        k -= 1;
        let t = view.toks[k];
        if !t.is_wordlike() {
            if t.kind == TokenKind::Punct {
                return false;
            }
            continue;
        }
        words += 1;
        if words > 5 || (t.content && !on_other(k)) {
            return false;
        }
        if t.content && !t.capitalised {
            return !past_verb || t.key.ends_with("ed");
        }
    }
    false
}

/// The number flag of a framing pair: a date one side tells of the words both share and the
/// other leaves out ([`date_on_shared_word`]), with a name both tell. Told in other words, the
/// shared word must be a past verb: the date says when the event both tell happened ("Owen is
/// hoping to repeat his Golden Globe success …" / "The two actors have repeated their success
/// at the Golden Globes in January" tell two things).
fn framing_date(left: &View, right: &View) -> Option<Drift> {
    if !shares_name(left, right) {
        return None;
    }
    let lq = quantities(left, &left.toks, &|i| left.opens_sentence(i));
    let rq = quantities(right, &right.toks, &|i| right.opens_sentence(i));
    let added = |own: &View, q: &[Quantity], other: &View, other_q: &[Quantity]| -> Vec<String> {
        let mut v: Vec<String> = q
            .iter()
            .filter(|x| !other.near_has(&own.toks, x.at, x.end))
            .filter(|x| date_on_shared_word(own, x, other, other_q, true))
            .map(|x| x.shown.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let (lo, ro) = (added(left, &lq, right, &rq), added(right, &rq, left, &lq));
    (lo.is_empty() != ro.is_empty()).then_some(Drift {
        kind: DriftKind::Number,
        left: lo,
        right: ro,
    })
}

fn numbers(
    pair: &SentencePair,
    left: &View,
    right: &View,
    small: &Small,
    [clause, any_clause]: [&Small; 2],
    copy: f64,
) -> Option<Drift> {
    let (left_view, right_view) = (left, right);
    let lq = quantities(left, &left.toks, &|i| left.opens_sentence(i));
    let rq = quantities(right, &right.toks, &|i| right.opens_sentence(i));
    let keys = |q: &[Quantity]| -> BTreeSet<String> { q.iter().map(|q| q.key.clone()).collect() };
    // A figure the other article gives in the neighbouring sentence is no drift: the sentence
    // was split or joined there ("60 people were arrested, 45 of them in the US").
    let (lk, rk) = (keys(&lq), keys(&rq));
    // "99.3%" / "99%": the same figure rounded.
    let rounded = |q: &Quantity, other: &[Quantity]| {
        q.value.is_some_and(|v| {
            other.iter().filter_map(|o| o.value).any(|o| {
                (o != v)
                    && ((o.fract() == 0.0 && v.round() == o)
                        || (v.fract() == 0.0 && o.round() == v))
            })
        })
    };
    // "Sept. 11, 2001" / "Sept. 11": the year of a day both give completes the date, it does
    // not change it.
    let year_of_shared_day = |q: &Quantity, own: &[Quantity]| {
        q.value
            .is_some_and(|v| v.fract() == 0.0 && (1900.0..=2100.0).contains(&v))
            && own.iter().any(|day| {
                day.end <= q.at
                    && q.at - day.end <= 1
                    && day.value.is_some_and(|d| (1.0..=31.0).contains(&d))
                    && lk.contains(&day.key)
                    && rk.contains(&day.key)
                    && own.iter().any(|m| {
                        m.end <= day.at
                            && day.at - m.end <= 1
                            && m.key.starts_with("month:")
                            && lk.contains(&m.key)
                            && rk.contains(&m.key)
                    })
            })
    };
    let lo: Vec<&Quantity> = lq
        .iter()
        .filter(|q| !rk.contains(&q.key) && !right.near_has(&left.toks, q.at, q.end))
        .filter(|q| !rounded(q, &rq) && !year_of_shared_day(q, &lq))
        .collect();
    let ro: Vec<&Quantity> = rq
        .iter()
        .filter(|q| !lk.contains(&q.key) && !left.near_has(&right.toks, q.at, q.end))
        .filter(|q| !rounded(q, &lq) && !year_of_shared_day(q, &rq))
        .collect();
    // "on Tuesday" / "on 25 January": a weekday against a date is one day told two ways.
    // A count of time ("for the 19th month in succession") is no day: against a weekday it
    // was dropped, and the weekday added ("… unchanged at 2% for the 19th month in
    // succession" / "… unchanged at 2% on Thursday", BBC business/436, 439).
    let weekday = |q: &&Quantity| q.key.starts_with("day:");
    let counts_time = |v: &View, q: &Quantity| {
        v.toks[q.end..]
            .iter()
            .find(|t| t.is_wordlike())
            .is_some_and(|t| lexicon::TIME_UNITS.contains(&t.key.as_str()))
    };
    let dated = |v: &View, q: &Quantity| {
        q.key.starts_with("month:") || (q.value.is_some() && !counts_time(v, q))
    };
    if (!lo.is_empty()
        && lo.iter().all(weekday)
        && !ro.is_empty()
        && ro.iter().all(|q| dated(right_view, q)))
        || (!ro.is_empty()
            && ro.iter().all(weekday)
            && !lo.is_empty()
            && lo.iter().all(|q| dated(left_view, q)))
    {
        return None;
    }
    // The count dropped is the change: the weekday on the other side replaced nothing.
    let counts = |qs: &[&Quantity], v: &View| {
        !qs.is_empty() && qs.iter().all(|q| q.value.is_some() && counts_time(v, q))
    };
    let (lo, ro) = if counts(&lo, left_view) && !ro.is_empty() && ro.iter().all(weekday) {
        (lo, Vec::new())
    } else if counts(&ro, right_view) && !lo.is_empty() && lo.iter().all(weekday) {
        (Vec::new(), ro)
    } else {
        (lo, ro)
    };

    // "in 2004" / "last year", "in 2000" / "two years ago": one date told two ways, or two
    // that cannot be checked against each other.
    let datelike = |q: &&Quantity| {
        q.key.starts_with("month:")
            || q.key.starts_with("day:")
            || q.value
                .is_some_and(|v| v.fract() == 0.0 && (1900.0..=2100.0).contains(&v))
    };
    if (!lo.is_empty() && lo.iter().all(datelike) && relative_time(right))
        || (!ro.is_empty() && ro.iter().all(datelike) && relative_time(left))
    {
        return None;
    }
    let (fire, changed) = if pair.kind == PairKind::Edited {
        // The rest of the sentence is the same: a figure on one side only was dropped or
        // added, with at most a short clause ("and 98.8% of the non-voting shares"); one in a
        // longer insertion tells another fact. A weak one only counts when it replaced
        // another.
        // A date may sit in any short clause; another figure only in a phrase of time or
        // measure.
        let in_clause = |q: &&&Quantity, c: &Small, d: &Small, right: bool| {
            let (c, d) = if right {
                (&c.right, &d.right)
            } else {
                (&c.left, &d.left)
            };
            let (own, other, other_q) = if right {
                (right_view, left_view, &lq)
            } else {
                (left_view, right_view, &rq)
            };
            c.get(q.at).copied().unwrap_or(false)
                || (datelike(q) && d.get(q.at).copied().unwrap_or(false))
                || date_on_shared_word(own, q, other, other_q, false)
        };
        let lo_c: Vec<&&Quantity> = lo
            .iter()
            .filter(|q| in_clause(q, clause, any_clause, false))
            .collect();
        let ro_c: Vec<&&Quantity> = ro
            .iter()
            .filter(|q| in_clause(q, clause, any_clause, true))
            .collect();
        let changed = !lo_c.is_empty() && !ro_c.is_empty();
        (
            lo_c.iter().chain(&ro_c).any(|q| !q.weak) || changed,
            changed,
        )
    } else {
        // Told in other words, a sentence may bring in another figure; only a figure changed
        // in place ("300 jobs" / "450 jobs") is drift.
        (
            lo.iter().any(|q| small.left[q.at]) && ro.iter().any(|q| small.right[q.at]),
            true,
        )
    };
    if !fire {
        return None;
    }
    // The figure must measure the same thing. A figure both sides give that names the
    // occasion (a month, a sum, a year: "$412bn", "February") ties the two to one fact.
    let specific = lq.iter().any(|q| {
        rk.contains(&q.key)
            && (q.key.starts_with("month:")
                || q.value.is_some_and(|v| v >= 100.0 || v.fract() != 0.0))
    });
    // A figure changed in place ("Trump leads the race for delegates with 55" / "… with 568",
    // "It takes 1,237 delegates to win the Republican nomination" / "2,383 … Democratic",
    // two weekends' takings, two polls' margins of error) was another occasion's figure on
    // real news far more often than a fact told wrong: only in a close copy or beside a
    // figure both give. A figure added or dropped needs at least a name both sides tell.
    // A date dropped or added ("held in May" / "held after the budget") qualifies the claim
    // it sits in.
    let dates_only = lo.iter().chain(&ro).all(datelike);
    let named = shares_name(left, right);
    let weekdays = lo.iter().chain(&ro).all(|q| q.key.starts_with("day:"));
    let months = lo.iter().chain(&ro).all(|q| q.key.starts_with("month:"));
    let tied = if changed {
        (copy >= CLOSE_COPY && (named || months)) || (specific && named && !weekdays)
    } else {
        copy >= CLOSE_COPY || dates_only || specific || named
    };
    if !tied {
        return None;
    }
    let shown = |q: Vec<&Quantity>| -> Vec<String> {
        let mut v: Vec<String> = q.into_iter().map(|q| q.shown.clone()).collect();
        v.sort();
        v.dedup();
        v
    };
    Some(Drift {
        kind: DriftKind::Number,
        left: shown(lo),
        right: shown(ro),
    })
}

/// The hedges among the tokens of `view` selected by `keep`, each with the index of the word
/// after it (the word it hedges), when there is one.
fn hedge_words(view: &View, keep: &dyn Fn(usize) -> bool) -> Vec<(String, Option<usize>)> {
    let mut out: Vec<(String, Option<usize>)> = Vec::new();
    let words: Vec<usize> = (0..view.toks.len())
        .filter(|&i| view.toks[i].is_wordlike())
        .collect();
    for (w, &i) in words.iter().enumerate() {
        if !keep(i) {
            continue;
        }
        let key = view.toks[i].key.as_str();
        let next = words.get(w + 1).map(|&j| view.toks[j].key.as_str());
        let prev = w.checked_sub(1).map(|p| view.toks[words[p]].key.as_str());
        let hedge = match key {
            // "May" the month.
            "may" => view.word(i) != "May" || view.opens_sentence(i),
            // "could" of ability: "could not reach", "could see"; and a claim that someone can
            // ("derided Tory claims they could cut £35bn" / "his party would cut £35bn"): the
            // claim is attributed, the "could" is the claimant's "can".
            "could" => {
                let back = |n: usize| w.checked_sub(n).map(|p| view.toks[words[p]].key.as_str());
                let claimed = |at: usize| {
                    back(at).is_some_and(|p| matches!(p, "they" | "it" | "he" | "she" | "we"))
                        && (back(at + 1).is_some_and(|c| lexicon::CLAIM_OF_ABILITY.contains(&c))
                            || (back(at + 1) == Some("that")
                                && back(at + 2)
                                    .is_some_and(|c| lexicon::CLAIM_OF_ABILITY.contains(&c))))
                };
                !next.is_some_and(|n| lexicon::ABILITY_AFTER_COULD.contains(&n)) && !claimed(1)
            }
            // "likely voters", "the likely nominee": a term, not a hedge.
            // "as the likely day": an adjective of a noun.
            "likely" => {
                !next.is_some_and(|n| lexicon::NOT_HEDGED_AFTER_LIKELY.contains(&n))
                    && !prev.is_some_and(|p| matches!(p, "a" | "an" | "the"))
            }
            // "seemed to breach", "appears to have been"; not "appeared in court", nor
            // "failed to appear to give samples".
            k if lexicon::SEEM_VERBS.contains(&k) => {
                next.is_some_and(|n| n == "to" || n == "that" || n == "likely")
                    && prev != Some("to")
            }
            k => lexicon::HEDGES.contains(&k),
        };
        if hedge {
            out.push((key.to_string(), words.get(w + 1).copied()));
        }
    }
    for phrase in lexicon::HEDGE_PHRASES {
        let parts: Vec<&str> = phrase.split(' ').collect();
        for (k, win) in words.windows(parts.len()).enumerate() {
            if keep(win[0])
                && win
                    .iter()
                    .zip(&parts)
                    .all(|(&i, p)| view.toks[i].key.as_str() == *p)
            {
                out.push((phrase.to_string(), words.get(k + parts.len()).copied()));
            }
        }
    }
    out
}

/// A rough stem for matching a verb across two wordings: "breached" / "breach", "faces" /
/// "face", "closed" / "close".
fn stem(key: &str) -> &str {
    for suffix in ["ing", "ed", "s", "d"] {
        if let Some(s) = key.strip_suffix(suffix)
            && s.len() >= 3
        {
            return s;
        }
    }
    key
}

/// Whether the hedge bears on something the other side tells: the content word after it (past
/// "to", "have", "be", "been") is a word the other side has ("seemed to breach" / "breached",
/// "could face" / "faces"), or one of the next [`HEDGE_REACH`] is and the other side asserts the
/// claim outright ("was likely responsible for the Dec. 27 rocket attack" / "an attack … was
/// actually perpetrated by ISIS").
fn hedges_shared_word(view: &View, after: Option<usize>, other: &View) -> bool {
    let shares_as = |key: &str, verb: bool| {
        let st = stem(key);
        other.toks.iter().any(|t| {
            let o = stem(t.key.as_str());
            t.is_wordlike()
                && t.content
                && !t.capitalised
                // The hedged verb against a participle of another clause ("appeared to break
                // down walls" / "critics … breaking down why"): not the same telling.
                && !(verb && t.key.ends_with("ing") && !key.ends_with("ing"))
                && (o == st
                    || (o.len().min(st.len()) >= 4 && (o.starts_with(st) || st.starts_with(o))))
        })
    };
    let shares = |key: &str| shares_as(key, false);
    let Some(first) = after else { return false };
    // The word right after the hedge, or, against a side that asserts the claim outright
    // ("actually perpetrated"), any of the next few content words.
    let certain = other
        .toks
        .iter()
        .any(|t| lexicon::CERTAINTY_WORDS.contains(&t.key.as_str()));
    let following: Vec<usize> = (first..view.toks.len())
        .filter(|&k| view.toks[k].is_wordlike() && view.toks[k].content)
        .collect();
    if certain {
        return following
            .iter()
            .take(HEDGE_REACH)
            .any(|&k| shares(view.toks[k].key.as_str()));
    }
    // Otherwise the hedged words themselves must be told on the other side, not one word
    // alone: "allegedly missing three drugs tests" / "for missing three drugs tests", not
    // "allegedly missing three drugs tests" / "their explanations for missing the tests"
    // (measured on real news: a hedge sharing only its next word was most often on two facts).
    let window: Vec<usize> = following
        .iter()
        .copied()
        .take(FRAMING_HEDGE_WINDOW)
        .collect();
    let shared = window
        .iter()
        .filter(|&&k| shares(view.toks[k].key.as_str()))
        .count();
    window.len() >= 2
        && following
            .first()
            .is_some_and(|&k| shares_as(view.toks[k].key.as_str(), true))
        && shared >= window.len().min(FRAMING_HEDGE_WINDOW - 1)
}

/// How many content words after a hedge in a framing pair are compared with the other side; all
/// but one of them (all when fewer) must be there.
const FRAMING_HEDGE_WINDOW: usize = 4;

/// How many content words after a hedge in a framing pair may carry the word it shares when
/// the other side asserts the claim outright.
const HEDGE_REACH: usize = 6;

fn hedges(pair: &SentencePair, left: &View, right: &View, small: &Small) -> Option<Drift> {
    // In an edited pair only small edits count: a clause added around the shared words ("…
    // saying they believe it is unlikely that …") is new content. A framing pair is compared
    // whole ("seemed to breach" / "breached"), but only a hedge on a verb both sides have
    // counts there.
    let edited = pair.kind == PairKind::Edited && !pair.edits.is_empty();
    let (mut hl, mut hr) = if edited {
        (
            hedge_words(left, &|i| small.left[i]),
            hedge_words(right, &|i| small.right[i]),
        )
    } else {
        (hedge_words(left, &|_| true), hedge_words(right, &|_| true))
    };
    // A hedge the other side has anywhere ("among likely voters" on both) is no change.
    let all_l: BTreeSet<String> = hedge_words(left, &|_| true)
        .into_iter()
        .map(|h| h.0)
        .collect();
    let all_r: BTreeSet<String> = hedge_words(right, &|_| true)
        .into_iter()
        .map(|h| h.0)
        .collect();
    hl.retain(|h| !all_r.contains(&h.0));
    hr.retain(|h| !all_l.contains(&h.0));
    // "can still close the gap" / "could still close the gap": "could" as the past of "can".
    let able = |v: &View| {
        v.toks
            .iter()
            .any(|t| matches!(t.key.as_str(), "can" | "able"))
    };
    if able(right) {
        hl.retain(|h| h.0 != "could");
    }
    if able(left) {
        hr.retain(|h| h.0 != "could");
    }
    if !edited {
        hl.retain(|h| hedges_shared_word(left, h.1, right));
        hr.retain(|h| hedges_shared_word(right, h.1, left));
    }
    // Two different hedges ("may" / "could") are both hedged.
    // A hedge against a sentence hedged elsewhere ("could lead to a bid" / "may form the
    // basis of an offer") is no change either.
    // A softener counts in the clause of the hedged words: "Mr Ebbers' trial is expected to
    // last two months and if found guilty the former CEO faces a substantial jail sentence" /
    // "Mr Ebbers could face …": the expectation is of the trial's length, not of the sentence.
    let softened = |v: &View, hedges: &[(String, Option<usize>)], own: &View| {
        let targets: Vec<usize> = hedges
            .iter()
            .filter_map(|h| {
                let after = h.1?;
                let word = (after..own.toks.len())
                    .find(|&k| own.toks[k].is_wordlike() && own.toks[k].content)?;
                let st = stem(own.toks[word].key.as_str());
                (0..v.toks.len()).find(|&k| {
                    v.toks[k].is_wordlike() && v.toks[k].content && stem(&v.toks[k].key) == st
                })
            })
            .collect();
        // "and" or "or" right before a hedged participle lists it with what comes before, in
        // one clause: "charges … of missing the drugs tests and faking a motorcycle accident"
        // still charges the faking (BBC sport/079 against "allegedly faking", sport/048).
        let listed = |j: usize, k: usize| {
            matches!(v.toks[j].key.as_str(), "and" | "or")
                && v.toks[k].key.ends_with("ing")
                && v.next_word(j) == Some(k)
        };
        let apart = |i: usize, k: usize| {
            (i.min(k)..i.max(k)).any(|j| {
                let t = v.toks[j];
                (matches!(
                    t.key.as_str(),
                    "and" | "but" | "while" | "whereas" | "although" | ";"
                ) || t.span().slice(v.text()) == ";")
                    && !listed(j, k)
            })
        };
        v.toks.iter().enumerate().any(|(i, t)| {
            let key = t.key.as_str();
            lexicon::SOFTENERS.contains(&key)
                && (!lexicon::SOFTENERS_BEFORE_TO.contains(&key)
                    || v.next_word(i).is_some_and(|j| v.toks[j].key == "to"))
                && (targets.is_empty() || targets.iter().any(|&k| !apart(i, k)))
        })
    };
    // A conditional told with "would" on the other side ("Lives could be put at risk if
    // refugees were turned away …" / "the plans would put refugees' lives at risk if they
    // were turned away …"): under "if" both are the same hypothesis, neither asserts it.
    let conditional = |v: &View| {
        v.toks
            .iter()
            .any(|t| matches!(t.key.as_str(), "if" | "unless"))
    };
    let as_would = |hedges: &mut Vec<(String, Option<usize>)>, own: &View, other: &View| {
        if !conditional(own) || !conditional(other) {
            return;
        }
        let would: Vec<usize> = (0..other.toks.len())
            .filter(|&k| other.toks[k].key == "would")
            .collect();
        hedges.retain(|h| {
            let modal = matches!(h.0.as_str(), "could" | "may" | "might");
            let word = h.1.and_then(|after| {
                (after..own.toks.len()).find(|&k| own.toks[k].is_wordlike() && own.toks[k].content)
            });
            let told = word.is_some_and(|w| {
                let st = stem(own.toks[w].key.as_str());
                would.iter().any(|&k| {
                    other.toks[k + 1..]
                        .iter()
                        .filter(|t| t.is_wordlike())
                        .take(3)
                        .any(|t| stem(t.key.as_str()) == st)
                })
            });
            !(modal && told)
        });
    };
    as_would(&mut hl, left, right);
    as_would(&mut hr, right, left);
    let fires = (!hl.is_empty() && all_r.is_empty() && !softened(right, &hl, left))
        || (!hr.is_empty() && all_l.is_empty() && !softened(left, &hr, right));
    if !fires {
        return None;
    }
    let words = |h: Vec<(String, Option<usize>)>| -> Vec<String> {
        let set: BTreeSet<String> = h.into_iter().map(|h| h.0).collect();
        set.into_iter().collect()
    };
    Some(Drift {
        kind: DriftKind::Hedge,
        left: words(hl),
        right: words(hr),
    })
}

/// How many word-like tokens of a view lie in a token range (an edit's side); none past the end.
fn words_in(v: &View, r: &std::ops::Range<usize>) -> usize {
    r.clone()
        .filter(|&k| v.toks.get(k).is_some_and(|t| t.is_wordlike()))
        .count()
}

/// A pair's edits that change words (inserted, deleted or replaced runs).
fn changed_edits(pair: &SentencePair) -> Vec<&align::WordEdit> {
    pair.edits
        .iter()
        .filter(|e| e.op != EditOp::Equal)
        .collect()
}

/// [`Small`] with, besides the small edits, an attribution frame put before or after a
/// claim the other side tells bare: a clause of at most [`CLAUSE_EDIT_WORDS`] words added or
/// dropped whole at the sentence's opening that ends in its loaded verb or "that" ("MCI's
/// directors have argued that Verizon is bigger than Qwest" / "Verizon is far bigger than
/// Qwest"), or at its end that ends in the verb ("…, critics alleged.").
fn attribution_frames(pair: &SentencePair, left: &View, right: &View, small: &Small) -> Small {
    let mut out = Small {
        left: small.left.clone(),
        right: small.right.clone(),
    };
    let changed = changed_edits(pair);
    for (n, e) in changed.iter().enumerate() {
        // The rest is the same claim: every other edit small ("Ken Livingstone should \"stick
        // to his guns\" and not apologise …, Tory MP Boris Johnson has insisted" / "Tony Blair
        // has urged … Ken Livingstone to apologise …" is not).
        let rest_small = changed.iter().enumerate().all(|(m, o)| {
            m == n
                || (words_in(left, &o.left) <= SMALL_EDIT_WORDS
                    && words_in(right, &o.right) <= SMALL_EDIT_WORDS)
        });
        if !rest_small {
            continue;
        }
        for right_side in [false, true] {
            let (view, mine, theirs, marks) = if right_side {
                (right, e.right.clone(), e.left.clone(), &mut out.right)
            } else {
                (left, e.left.clone(), e.right.clone(), &mut out.left)
            };
            let wordlike = |r: std::ops::Range<usize>| -> Vec<usize> {
                r.filter(|&k| view.toks.get(k).is_some_and(|t| t.is_wordlike()))
                    .collect()
            };
            let other_view = if right_side { left } else { right };
            let other_words = words_in(other_view, &theirs);
            let words = wordlike(mine.clone());
            if other_words > 0 || words.is_empty() || words.len() > CLAUSE_EDIT_WORDS {
                continue;
            }
            let opening = wordlike(0..mine.start).is_empty();
            let closing = wordlike(mine.end..view.toks.len()).is_empty();
            // A denial negates the claim rather than reporting it ("On Wednesday Mr Blair
            // directly denied"); and the other side must tell the claim bare, with no verb of
            // saying of its own ("…, Tory MP Boris Johnson has insisted" / "Tony Blair has
            // urged …" are two people's claims).
            let loaded = |k: usize| {
                let key = view.toks[k].key.as_str();
                lexicon::LOADED_ATTRIBUTION_VERBS.contains(&key)
                    && !lexicon::DENIAL_VERBS.contains(&key)
                    && view.word(k).starts_with(char::is_lowercase)
            };
            if !verbs(other_view).is_empty() {
                continue;
            }
            let Some(&last) = words.last() else { continue };
            let frame = if opening {
                (loaded(last) || view.toks[last].key == "that") && words.iter().any(|&k| loaded(k))
            } else {
                closing && loaded(last)
            };
            if frame {
                marks[mine].fill(true);
            }
        }
    }
    out
}

/// Most words of a neutral attribution frame ("according to CEA analysts", "The Lib Dems
/// say"): a short source, not a clause of its own.
const FRAME_WORDS: usize = 6;

/// The attribution flag of a claim told bare on one side and credited on the other with a
/// neutral frame: "according to X" set off by a comma at the sentence's opening or end ("…,
/// including by properly marking it as classified, according to experts" / "…"), or "X
/// say(s)" added or dropped whole at the opening ("The Lib Dems say Labour is telephoning
/// people …" / "Labour … are still telephoning …"), or ", X says" / ", says X" at the end. The
/// other side has no verb of saying and no "according" of its own (then the claim is credited
/// there too, or another person's), and every other edit of the pair is small, as for a loaded
/// frame ([`attribution_frames`]). "said" is left out: a reprint's ", he said" dropped is most
/// often carried by the sentence next to it.
fn neutral_frame(pair: &SentencePair, left: &View, right: &View) -> Option<Drift> {
    let credited = |v: &View| {
        !verbs(v).is_empty()
            || v.toks
                .iter()
                .any(|t| t.key == "according" || lexicon::DENIAL_VERBS.contains(&t.key.as_str()))
    };
    let changed = changed_edits(pair);
    for (n, e) in changed.iter().enumerate() {
        for right_side in [false, true] {
            let (view, other, mine) = if right_side {
                (right, left, e.right.clone())
            } else {
                (left, right, e.left.clone())
            };
            // A bare side that keeps its own distance already vouches for nothing: hedged
            // ("Investors seemed to feel that …" / "…, according to analysts", BBC business/260,
            // 354), or told back-shifted ("He had then changed his mind in June 2004 …" after
            // "Mr Peston said …" / "… changed his mind …, according to the book", politics/256;
            // "none of the organisations members had reached this target" / "… have reached
            // …, the report says", politics/127, 130): reported speech credited nearby.
            let hedged = !hedge_words(other, &|_| true).is_empty();
            let had = |v: &View| v.toks.iter().filter(|t| t.key == "had").count();
            if credited(other) || hedged || had(other) > had(view) {
                continue;
            }
            let words: Vec<usize> = mine
                .clone()
                .filter(|&k| view.toks.get(k).is_some_and(|t| t.is_wordlike()))
                .collect();
            let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
                continue;
            };
            let comma = |k: usize| k < view.toks.len() && view.word(k) == ",";
            let key = |k: usize| view.toks[k].key.as_str();
            // The frame: its first and last token in the side, or none.
            let mut frame: Option<(usize, usize)> = None;
            // "according to X" set off by a comma, at the end or the opening of the sentence.
            if let Some(w) = words.iter().position(|&k| key(k) == "according")
                && words.get(w + 1).is_some_and(|&k| key(k) == "to")
            {
                let at = words[w];
                let closing = words_in(view, &(last + 1..view.toks.len())) == 0
                    && at > 0
                    && comma(at - 1)
                    && words.len() - w <= FRAME_WORDS;
                let end = (at..=last).find(|&k| comma(k)).map(|k| k - 1);
                let opening = words_in(view, &(0..at)) == 0
                    && end.is_some_and(|end| {
                        words_in(view, &(at..end + 1)) <= FRAME_WORDS && end < last
                    });
                if closing {
                    frame = Some((at, last));
                } else if opening && let Some(end) = end {
                    frame = Some((at, end));
                }
            }
            // "X say(s)" whole, at the opening or after a comma at the end.
            let whole = other_side_empty(e, right_side, other);
            let say = |k: usize| matches!(key(k), "say" | "says");
            if frame.is_none() && whole && words.len() < FRAME_WORDS {
                let opening = words_in(view, &(0..first)) == 0
                    && (say(last)
                        || (key(last) == "that"
                            && words.len() >= 2
                            && say(words[words.len() - 2])));
                let closing = words_in(view, &(last + 1..view.toks.len())) == 0
                    && first > 0
                    && comma(first - 1)
                    && (say(first) || say(last));
                let plain = words
                    .iter()
                    .filter(|&&k| !say(k) && key(k) != "that")
                    .all(|&k| {
                        !lexicon::is_negation(key(k))
                            && !lexicon::ATTRIBUTION_VERBS.contains(&key(k))
                            && !lexicon::LOADED_ATTRIBUTION_VERBS.contains(&key(k))
                    });
                if (opening || closing) && plain && words.len() >= 2 {
                    frame = Some((first, last));
                }
            }
            let Some((start, end)) = frame else { continue };
            // The edit holding the frame is no longer than a clause besides it, on both sides:
            // "According to Fox News, the State Department reported finding an additional 328
            // emails …. Watch the latest video at …" / "Watch the latest video at …" drops a
            // whole claim with its source (PolNeAR west-journal 2015-12-01, 2015-12-12).
            let besides = words.iter().filter(|&&k| k < start || k > end).count();
            let theirs = if right_side { &e.left } else { &e.right };
            if besides > CLAUSE_EDIT_WORDS || words_in(other, theirs) > CLAUSE_EDIT_WORDS {
                continue;
            }
            // The rest is the same claim: no other edit longer than a clause.
            let rest_small = changed.iter().enumerate().all(|(m, o)| {
                m == n
                    || (words_in(left, &o.left) <= CLAUSE_EDIT_WORDS
                        && words_in(right, &o.right) <= CLAUSE_EDIT_WORDS)
            });
            if !rest_small {
                continue;
            }
            let shown =
                view.text()[view.toks[start].span().start..view.toks[end].span().end].to_string();
            let (l, r) = if right_side {
                (Vec::new(), vec![shown])
            } else {
                (vec![shown], Vec::new())
            };
            return Some(Drift {
                kind: DriftKind::Attribution,
                left: l,
                right: r,
            });
        }
    }
    None
}

/// Whether the other side of edit `e` has no words (the edit adds or drops words whole).
fn other_side_empty(e: &align::WordEdit, right_side: bool, other: &View) -> bool {
    let theirs = if right_side {
        e.left.clone()
    } else {
        e.right.clone()
    };
    !theirs
        .filter_map(|k| other.toks.get(k))
        .any(|t| t.is_wordlike())
}

/// An attribution verb of a side: (lemma, as written, loaded, token index).
type Verb = (String, String, bool, usize);

fn verbs(view: &View) -> Vec<Verb> {
    let mut out = Vec::new();
    for (i, t) in view.toks.iter().enumerate() {
        let key = t.key.as_str();
        let loaded = lexicon::LOADED_ATTRIBUTION_VERBS.contains(&key);
        if !loaded && !lexicon::ATTRIBUTION_VERBS.contains(&key) {
            continue;
        }
        // Verbs are written in small letters: "United States" holds no verb "states".
        let word = view.word(i);
        if !word.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        // "the alleged attack", "the accused": adjectives and nouns, not attributions.
        let prev = (0..i)
            .rev()
            .find(|&j| view.toks[j].is_wordlike())
            .map(|j| view.toks[j].key.as_str());
        if prev.is_some_and(|p| lexicon::DETERMINERS.contains(&p)) {
            continue;
        }

        // "dismissed claims of broken promises", "failed to deny claims he had …": after
        // another verb "claims" is a noun.
        if matches!(key, "claim" | "claims")
            && prev.is_some_and(|p| p.ends_with("ed") || lexicon::DENIAL_VERBS.contains(&p))
        {
            continue;
        }
        // "were later admitted to hospital".
        let after: Vec<&str> = view.toks[i + 1..]
            .iter()
            .filter(|t| t.is_wordlike())
            .take(3)
            .map(|t| t.key.as_str())
            .collect();
        if key == "admitted" && after.contains(&"hospital") {
            continue;
        }
        // "did not suggest this", "cannot claim": a verb negated keeps no distance from a claim.
        let loaded = loaded && !prev.is_some_and(lexicon::is_negation);
        out.push((verb_lemma(key), word.to_string(), loaded, i));
    }
    out
}

fn attribution(pair: &SentencePair, left: &View, right: &View, small: &Small) -> Option<Drift> {
    let (lv, rv) = (verbs(left), verbs(right));
    // "which likened an Evening Standard journalist to" / "had accused an Evening Standard
    // journalist of being like": a loaded verb put in place of other content (not a verb of
    // saying) is the claim itself, not an attribution of it. `right_side` says which side holds
    // the verb at token `i`.
    let replaces_content = |right_side: bool, i: usize| {
        let (view, other) = if right_side {
            (right, left)
        } else {
            (left, right)
        };
        pair.edits.iter().any(|e| {
            let (mine, theirs) = if right_side {
                (e.right.clone(), e.left.clone())
            } else {
                (e.left.clone(), e.right.clone())
            };
            let theirs = other.toks.get(theirs).unwrap_or(&[]);
            let saying = |t: &&Token| {
                let key = t.key.as_str();
                key == "according"
                    || lexicon::ATTRIBUTION_VERBS.contains(&key)
                    || lexicon::LOADED_ATTRIBUTION_VERBS.contains(&key)
            };
            mine.contains(&i)
                && !theirs.iter().any(saying)
                && theirs.iter().any(|t| {
                    t.content && t.is_wordlike() && !view.toks.iter().any(|o| o.key == t.key)
                })
        })
    };
    // "And that at a dinner … he told Mr Brown …": a sentence that goes on with the claim of
    // the one before is attributed there.
    let continued = |v: &View| {
        v.toks
            .iter()
            .filter(|t| t.is_wordlike())
            .take(2)
            .any(|t| t.key == "that")
    };
    // A bare statement against an attributed one: only when the attribution is a small edit of
    // an edited pair ("the spokesman claimed that …", "…, critics alleged"). In a framing pair,
    // or beside a rewritten clause, the loaded verb tells of another claim ("has denied his
    // shadow cabinet was split over its decision to back …").
    if lv.is_empty() != rv.is_empty() {
        let (v, small, view) = if lv.is_empty() {
            (&rv, &small.right, right)
        } else {
            (&lv, &small.left, left)
        };
        // "He argued: “There are serious challenges …”": a verb put before a quotation
        // changes nothing of the speaker's words.
        let before_quote = |i: usize| {
            view.toks[i + 1..]
                .iter()
                .take(3)
                .take_while(|t| !t.is_wordlike())
                .any(|t| {
                    t.span()
                        .slice(view.text())
                        .contains(['"', '“', '”', '\'', '‘', '’'])
                })
        };
        let added = pair.kind == PairKind::Edited
            && v.iter().any(|x| x.2 && small[x.3] && !before_quote(x.3));
        if !added {
            return None;
        }
    }
    let loaded = |v: &[Verb]| -> BTreeSet<String> {
        v.iter().filter(|x| x.2).map(|x| x.0.clone()).collect()
    };
    // Neutral verbs ("said", "told", "stated", "says", "announced") say the same thing; only a
    // loaded verb on one side ("claimed", "alleged", "insisted"), against a neutral verb or a
    // bare statement, changes how far the writer vouches for the claim.
    // Two loaded verbs ("claimed" / "alleged", "insisted" / "maintained") both keep the writer
    // at a distance: no change.
    // "has denied charges" / "has pleaded not guilty to charges": a denial against a
    // negation is one stance, not a loaded verb.
    let has_negation = |v: &View| v.toks.iter().any(|t| lexicon::is_negation(t.key.as_str()));
    let only_denial =
        |v: &[Verb]| v.iter().filter(|x| x.2).all(|x| x.0 == "deny") && v.iter().any(|x| x.2);
    if (only_denial(&lv) && rv.iter().all(|x| !x.2) && has_negation(right))
        || (only_denial(&rv) && lv.iter().all(|x| !x.2) && has_negation(left))
    {
        return None;
    }
    let lemmas_of = |v: &[Verb]| -> BTreeSet<String> { v.iter().map(|x| x.0.clone()).collect() };
    let only_l: Vec<String> = loaded(&lv).difference(&lemmas_of(&rv)).cloned().collect();
    let only_r: Vec<String> = loaded(&rv).difference(&lemmas_of(&lv)).cloned().collect();
    if only_l.is_empty() == only_r.is_empty() {
        return None;
    }
    let lemmas = |v: &[Verb]| -> BTreeSet<String> { v.iter().map(|x| x.0.clone()).collect() };
    let (ll, rl) = (lemmas(&lv), lemmas(&rv));
    let own = |v: &[Verb], other: &BTreeSet<String>| -> Vec<String> {
        let mut o: Vec<String> = v
            .iter()
            .filter(|x| !other.contains(&x.0))
            .map(|x| x.1.clone())
            .collect();
        o.sort();
        o.dedup();
        o
    };
    let (lo, ro) = (own(&lv, &rl), own(&rv, &ll));
    // A loaded verb both sides have is no change; what fires is a loaded verb the other side
    // lacks, that attributes the claim (not put in place of other content), against a side
    // that is not the continuation of a claim attributed in the sentence before.
    // A verb in a longer clause added or dropped whole ("Others claim it will weaken the
    // city's status …, while German politicians are also said to be angry …", "On Wednesday
    // Mr Blair directly denied") tells another claim; one in a small edit, or in place of
    // other words ("claims its downfall was" / "has said the sale amounts to"), attributes this
    // one.
    let in_place = |right_side: bool, i: usize| {
        let small = if right_side {
            &small.right
        } else {
            &small.left
        };
        small[i]
            || pair.edits.iter().any(|e| {
                let mine = if right_side { &e.right } else { &e.left };
                e.op == EditOp::Replace && mine.contains(&i)
            })
    };
    let fires = (!continued(right)
        && lv.iter().any(|x| {
            x.2 && !rl.contains(&x.0) && in_place(false, x.3) && !replaces_content(false, x.3)
        }))
        || (!continued(left)
            && rv.iter().any(|x| {
                x.2 && !ll.contains(&x.0) && in_place(true, x.3) && !replaces_content(true, x.3)
            }));
    fires.then_some(Drift {
        kind: DriftKind::Attribution,
        left: lo,
        right: ro,
    })
}

fn negation(pair: &SentencePair, left: &View, right: &View, small: &Small) -> Option<Drift> {
    // Only in edited pairs: there the rest of the sentence is the same, so one "not" more
    // reverses it; in a sentence told in other words a "not" elsewhere ("ISIS, not an
    // Iran-linked group") says nothing of the shared claim.
    if pair.kind != PairKind::Edited {
        return None;
    }
    // A negation reverses the claim when the word it negates is one both sides have ("has
    // not backed" / "backed"); "…, I don't know" added after a quote, or "pleaded not guilty"
    // against "denied", negates nothing the other side says.
    // The verb may change its form with the negation ("has yet to endorse" / "endorsed").
    let negated_shared = |v: &View, i: usize, other: &View| {
        let mut j = v.next_word(i);
        while let Some(k) = j {
            let key = v.toks[k].key.as_str();
            if !lexicon::NEGATION_SKIP.contains(&key) {
                return other
                    .toks
                    .iter()
                    .any(|t| t.key == key || same_verb(&t.key, key));
            }
            j = v.next_word(k);
        }
        false
    };
    // "has yet to endorse": not done, as "has not endorsed" is; "still to" only against "yet
    // to" ("are yet to be finalised" / "are still to be finalised"), not "still to blame". A
    // passive ("is yet to be signed" / "is to be signed", both not done) is left alone.
    let yet_to = |v: &View, i: usize| {
        matches!(v.toks[i].key.as_str(), "yet" | "still")
            && v.next_word(i).is_some_and(|j| {
                v.toks[j].key == "to"
                    && v.next_word(j)
                        .is_some_and(|k| !matches!(v.toks[k].key.as_str(), "be" | "blame"))
            })
            && v.prev_word(i).is_some_and(|j| {
                matches!(
                    v.toks[j].key.as_str(),
                    "has" | "have" | "had" | "is" | "are" | "was" | "were"
                )
            })
    };
    let negations = |v: &View, small: &[bool], other: &View| -> Vec<String> {
        (0..v.toks.len())
            .filter(|&i| small[i] && v.toks[i].is_wordlike())
            .filter(|&i| {
                let key = v.toks[i].key.as_str();
                // "not only" adds; "no. 10" counts.
                (lexicon::is_negation(key)
                    || (yet_to(v, i)
                        && (key == "yet"
                            || other
                                .toks
                                .iter()
                                .enumerate()
                                .any(|(k, t)| t.key == "yet" && yet_to(other, k)))))
                    && !v
                        .next_word(i)
                        .is_some_and(|j| v.toks[j].key == "only" && key == "not")
                    && negated_shared(v, i, other)
            })
            .map(|i| {
                if yet_to(v, i) {
                    format!("{} to", v.word(i))
                } else {
                    v.word(i).to_string()
                }
            })
            .collect()
    };
    // A denial on one side only ("denied the charges" / "pleaded not guilty") leaves the
    // polarity of the two sides unclear.
    let denials = |v: &View| {
        v.toks
            .iter()
            .filter(|t| lexicon::DENIAL_VERBS.contains(&t.key.as_str()))
            .count()
    };
    if denials(left) != denials(right) {
        return None;
    }
    // "deny that they illegally conspired" / "denied the charges, saying that they never
    // illegally conspired": a denial of a clause is that clause negated.
    let denies_clause = |v: &View| {
        (0..v.toks.len()).any(|i| {
            lexicon::DENIAL_VERBS.contains(&v.toks[i].key.as_str())
                && v.next_word(i).is_some_and(|j| v.toks[j].key == "that")
        })
    };
    if denies_clause(left) || denies_clause(right) {
        return None;
    }
    // Each side with a name of its own in its edits ("…, Tory MP Boris Johnson has insisted" /
    // "Tony Blair has urged …"): two people's claims, not one reversed.
    let own_names = |v: &View, other: &View, ranges: Vec<std::ops::Range<usize>>| {
        ranges.into_iter().flatten().any(|i| {
            v.toks.get(i).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && t.capitalised
                    && !tokenize::is_stopword(&t.key)
                    && !v.opens_sentence(i)
                    && !other.toks.iter().any(|o| o.key == t.key)
            })
        })
    };
    let changed = || pair.edits.iter().filter(|e| e.op != EditOp::Equal);
    if own_names(left, right, changed().map(|e| e.left.clone()).collect())
        && own_names(right, left, changed().map(|e| e.right.clone()).collect())
    {
        return None;
    }
    let (ln, rn) = (
        negations(left, &small.left, right),
        negations(right, &small.right, left),
    );
    (ln.len() != rn.len()).then_some(Drift {
        kind: DriftKind::Negation,
        left: ln,
        right: rn,
    })
}

/// Whether two words are one verb in two forms: "endorse" / "endorsed" / "endorses" /
/// "endorsing", "back" / "backed" (a stem of three letters or more).
fn same_verb(a: &str, b: &str) -> bool {
    let stem = |w: &str| -> String {
        for suffix in ["ing", "ed", "es", "d", "s"] {
            if let Some(s) = w.strip_suffix(suffix)
                && s.len() >= 3
            {
                return s.trim_end_matches('e').to_string();
            }
        }
        w.trim_end_matches('e').to_string()
    };
    let (x, y) = (stem(a), stem(b));
    x.len() >= 3 && x == y
}

/// A run of capitalised words naming someone: its text and token range in the side.
struct Name {
    text: String,
    start: usize,
    end: usize,
}

fn subjects(pair: &SentencePair, left: &View, right: &View) -> Vec<Drift> {
    let mut out = Vec::new();
    for e in pair.edits.iter().filter(|e| e.op == EditOp::Replace) {
        let mut ln = names(left, e.left.clone(), right);
        let mut rn = names(right, e.right.clone(), left);
        if ln.is_empty() || rn.is_empty() {
            continue;
        }
        // "Gen." / "General", "Soleimani" / "Suleimani", "U.S." / "United States": one name
        // written two ways.
        let lall = capitalised(left);
        let rall = capitalised(right);
        ln.retain(|x| !rn.iter().any(|y| same_name(&x.text, &y.text)));
        rn.retain(|y| !lall.iter().any(|k| same_name(&y.text, k)));
        ln.retain(|x| !rall.iter().any(|k| same_name(&x.text, k)));
        // A swap is one or two names for one or two others; more is a rewritten clause.
        if ln.is_empty() || rn.is_empty() || ln.len() > 2 || rn.len() > 2 {
            continue;
        }
        // The name must be the subject of a verb on both sides ("IBM said" / "Intel said",
        // "said Tony Blair"), never an object lined up with a subject.
        if !ln.iter().any(|n| is_subject(left, n)) || !rn.iter().any(|n| is_subject(right, n)) {
            continue;
        }
        // Of the same verb: the word after the names is one word ("IBM said" / "Intel
        // said"), or the word before ("said Tony Blair" / "said Gordon Brown").
        let around = |v: &View, n: &Name| {
            (
                v.toks[..n.start]
                    .iter()
                    .rev()
                    .find(|t| t.is_wordlike())
                    .map(|t| t.key.to_string()),
                v.toks[n.end.min(v.toks.len())..]
                    .iter()
                    .find(|t| t.is_wordlike())
                    .map(|t| t.key.to_string()),
            )
        };
        // In a framing pair "said Dante Scala" / "said Robert Oldendick" is two quotations.
        let framing = pair.kind == PairKind::Framing;
        let saying = |w: &Option<String>| {
            w.as_deref().is_some_and(|w| {
                lexicon::ATTRIBUTION_VERBS.contains(&w)
                    || lexicon::LOADED_ATTRIBUTION_VERBS.contains(&w)
            })
        };
        let same_verb = ln.iter().any(|x| {
            let (lb, la) = around(left, x);
            rn.iter().any(|y| {
                let (rb, ra) = around(right, y);
                (la.is_some()
                    && la == ra
                    && !la.as_deref().is_some_and(|w| {
                        lexicon::DETERMINERS.contains(&w) || lexicon::NOT_AFTER_SUBJECT.contains(&w)
                    }))
                    || (lb.is_some() && lb == rb && !(framing && saying(&lb)))
            })
        });
        if !same_verb {
            continue;
        }
        // A close copy with one name changed, each article telling of the other name
        // elsewhere, is one template about two people or bodies (two players both ruled out),
        // not one swapped for another.
        let known = |v: &View, names: &[Name]| {
            names.iter().any(|n| {
                n.text
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| w.len() >= 3 && v.text().contains(w))
            })
        };
        if pair.kind == PairKind::Edited && known(right, &ln) && known(left, &rn) {
            continue;
        }
        // Each article headed with its own name ("Vickery out of Six Nations" / "Thomas out of
        // Six Nations"): two stories about two people.
        let headed = |v: &View, side: &Side, names: &[Name]| {
            !side.sentences.contains(&0)
                && v.doc.sentences.first().is_some_and(|_| {
                    let head = v.doc.sentence_text(0);
                    names.iter().any(|n| {
                        n.text
                            .split_whitespace()
                            .last()
                            .is_some_and(|w| head.contains(w))
                    })
                })
        };
        if headed(left, &pair.left, &ln) && headed(right, &pair.right, &rn) {
            continue;
        }
        // Told in other words, the swap must be the only change of who is told of: each side
        // names no one else the other lacks ("Veteran actor Morgan Freeman took the best
        // supporting actor award" / "Clint Eastwood took the best director prize … while its
        // star Hilary Swank was best actress" are two awards). Measured on real news, framing
        // swaps with other names about were two facts nearly always.
        if framing && (names_beyond(left, right, &ln) || names_beyond(right, left, &rn)) {
            continue;
        }
        // "Gen Musharraf held talks with Tony Blair on Monday" / "Mr Kennedy held talks with Tony
        // Blair on Friday": another day or figure too is another occasion.
        let keys = |v: &View| -> BTreeSet<String> {
            quantities(v, &v.toks, &|i| v.opens_sentence(i))
                .into_iter()
                .map(|q| q.key)
                .collect()
        };
        if keys(left) != keys(right) {
            continue;
        }
        out.push(Drift {
            kind: DriftKind::Subject,
            left: ln.into_iter().map(|n| n.text).collect(),
            right: rn.into_iter().map(|n| n.text).collect(),
        });
    }
    out
}

/// Whether `view` names someone or something, other than `swapped` and the speakers of the
/// sentence ("U.S. officials insisted" / "The Trump administration claims": who tells the
/// claim is the attribution's business), whose word `other` lacks.
fn names_beyond(view: &View, other: &View, swapped: &[Name]) -> bool {
    let speaker = |i: usize| {
        view.toks[i + 1..]
            .iter()
            .filter(|t| t.is_wordlike())
            .take(3)
            .any(|t| {
                lexicon::ATTRIBUTION_VERBS.contains(&t.key.as_str())
                    || lexicon::LOADED_ATTRIBUTION_VERBS.contains(&t.key.as_str())
            })
    };
    (0..view.toks.len()).any(|i| {
        let t = view.toks[i];
        let key = t.key.as_str();
        !speaker(i)
            && t.kind == TokenKind::Word
            && view.word(i).starts_with(char::is_uppercase)
            && !swapped.iter().any(|n| (n.start..n.end).contains(&i))
            && !tokenize::is_stopword(key)
            && !is_title(view.word(i))
            && !lexicon::MONTHS.contains(&key)
            && !lexicon::DAY_WORDS.contains(&key)
            && key != "may"
            && (!view.opens_sentence(i) || opening_name(view, i))
            && !other.toks.iter().any(|o| o.key == t.key)
    })
}

/// Every capitalised word and run of a side, as written (to recognise one name written two
/// ways: "U.S." against "United States").
fn capitalised(view: &View) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for i in 0..view.toks.len() {
        let word = view.word(i);
        if view.toks[i].kind == TokenKind::Word && word.starts_with(char::is_uppercase) {
            out.push(word.to_string());
            run.push(word);
        } else if view.toks[i].is_wordlike() || view.toks[i].kind == TokenKind::Punct {
            if run.len() > 1 {
                out.push(run.join(" "));
            }
            run.clear();
        }
    }
    if run.len() > 1 {
        out.push(run.join(" "));
    }
    out
}

/// Runs of capitalised words (names) in `range` of `view`, as written, leaving out words the
/// other side has as often (a name moved is not a name swapped), names the other article has
/// in a neighbouring sentence, function words, titles, outlets and dates, and every word of a
/// Title-Case headline.
fn names(view: &View, range: std::ops::Range<usize>, other: &View) -> Vec<Name> {
    let count = |toks: &[&Token], key: &str| toks.iter().filter(|t| t.key == key).count();
    let mut out = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    let flush = |run: &mut Option<(usize, usize)>, out: &mut Vec<Name>| {
        if let Some((s, e)) = run.take() {
            let words: Vec<&str> = (s..e).map(|i| view.word(i)).collect();
            out.push(Name {
                text: words.join(" "),
                start: s,
                end: e,
            });
        }
    };
    for i in range {
        let Some(t) = view.toks.get(i) else { break };
        let word = view.word(i);
        let key = t.key.as_str();
        let name = t.kind == TokenKind::Word
            && word.starts_with(char::is_uppercase)
            && !tokenize::is_stopword(key)
            && !lexicon::NEWS_OUTLETS.contains(&key)
            && !lexicon::MONTHS.contains(&key.trim_end_matches("'s"))
            && !lexicon::DAY_WORDS.contains(&key.trim_end_matches("'s"))
            && !is_title(word)
            && count(&other.toks, key) < count(&view.toks, key)
            && !other.near_has(&view.toks, i, i + 1)
            && !headline(view, view.sentence_of[i])
            && (!view.opens_sentence(i) || opening_name(view, i));
        if name {
            match &mut run {
                Some((_, e)) if *e == i => *e = i + 1,
                _ => {
                    flush(&mut run, &mut out);
                    run = Some((i, i + 1));
                }
            }
        } else if t.kind != TokenKind::Punct || word != "." {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Whether `word` is a title ("Mr", "Gen.", "Senator", "President"): a title alone names nobody.
fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    crate::segment::rules::TITLES.contains(&w) || lexicon::TITLE_WORDS.contains(&w)
}

/// Whether the first word of a sentence is a name: an acronym ("IBM"), the first of several
/// capitalised words ("Tony Blair"), or the subject of an attribution verb ("Intel said").
fn opening_name(view: &View, i: usize) -> bool {
    let word = view.word(i);
    if word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    {
        return true;
    }
    view.next_word(i).is_some_and(|j| {
        let next = view.word(j);
        (next.starts_with(char::is_uppercase) && !tokenize::is_stopword(&view.toks[j].key))
            || lexicon::ATTRIBUTION_VERBS.contains(&view.toks[j].key.as_str())
            || lexicon::LOADED_ATTRIBUTION_VERBS.contains(&view.toks[j].key.as_str())
    })
}

/// Whether sentence `s` is a Title-Case headline ("Ex-Boss Denies Fraud Charges"): most of
/// its words that are not function words are capitalised.
fn headline(view: &View, s: usize) -> bool {
    let text = view.text();
    let (mut words, mut caps) = (0, 0);
    for t in &view.doc.tokens[s] {
        if t.kind == TokenKind::Word && !tokenize::is_stopword(&t.key) {
            words += 1;
            caps += usize::from(t.span().slice(text).starts_with(char::is_uppercase));
        }
    }
    words >= 4 && caps * 4 >= words * 3
}

/// Whether a name is the subject of a verb: followed by a verb-like word ("IBM said", "Iran
/// is behind"), or after an attribution verb ("said Tony Blair", "according to Reuters").
fn is_subject(view: &View, name: &Name) -> bool {
    // A possessive names whose the next noun is, not who acts: "The prime minister was asked
    // about Mr Brown's article" / "Mr Johnson told BBC Radio 4's Today programme" (BBC
    // politics/107, 116) is no swap of Brown for Johnson.
    if name.end > name.start
        && view
            .toks
            .get(name.end - 1)
            .is_some_and(|t| t.key.ends_with("'s") || t.key.ends_with('\''))
    {
        return false;
    }
    // Words before the name, past the capitalised words of the same name that the other side
    // has too ("a spokesman for the Information Commissioner's Office": "the" before it).
    let mut start = name.start;
    while start > 0
        && view.toks[start - 1].kind == TokenKind::Word
        && view.word(start - 1).starts_with(char::is_uppercase)
        && !is_title(view.word(start - 1))
    {
        start -= 1;
    }
    let before: Vec<&str> = view.toks[..start]
        .iter()
        .rev()
        .filter(|t| t.is_wordlike())
        .take(2)
        .map(|t| t.key.as_str())
        .collect();
    // After a preposition or an article a name is an object or a modifier ("behind GOP
    // front-runner Donald Trump"), except in "according to X".
    let after_preposition = matches!(before.first(), Some(p)
        if lexicon::NOT_AFTER_SUBJECT.contains(p) || lexicon::DETERMINERS.contains(p));
    if after_preposition && before.get(1) != Some(&"according") {
        return false;
    }
    if let Some(next) = view.toks.get(name.end) {
        let word = view.word(name.end);
        if next.kind == TokenKind::Word
            && word.starts_with(char::is_lowercase)
            && !lexicon::NOT_AFTER_SUBJECT.contains(&next.key.as_str())
        {
            return true;
        }
    }
    match before.as_slice() {
        [v, ..]
            if lexicon::ATTRIBUTION_VERBS.contains(v)
                || lexicon::LOADED_ATTRIBUTION_VERBS.contains(v) =>
        {
            true
        }
        ["to", "according", ..] => true,
        _ => false,
    }
}

/// "said", "says" and "say" are one verb; so are "claims" and "claimed".
fn verb_lemma(verb: &str) -> String {
    match verb {
        "said" | "says" | "say" => "say".to_string(),
        "told" | "tells" | "tell" => "tell".to_string(),
        "wrote" | "writes" | "write" => "write".to_string(),
        "denied" | "denies" | "deny" => "deny".to_string(),
        v => v
            .strip_suffix("ed")
            .or_else(|| v.strip_suffix('s'))
            .unwrap_or(v)
            .trim_end_matches('e')
            .to_string(),
    }
}

/// Whether two names are one name written two ways: an abbreviation ("Gen" / "General",
/// "Calif." / "California", "U.S." / "United States", "Pa." / "Pennsylvania") or a spelling
/// variant ("Soleimani" / "Suleimani"), compared case-insensitively.
pub(crate) fn same_name(x: &str, y: &str) -> bool {
    let (xl, yl) = (x.to_lowercase(), y.to_lowercase());
    // "GOP" / "Republican", "UK" / "Britain": one name in two words.
    let equivalent = |a: &str, b: &str| {
        lexicon::NAME_EQUIVALENTS
            .iter()
            .any(|(p, q)| (a == *p && b == *q) || (a == *q && b == *p))
    };
    if equivalent(&xl, &yl) {
        return true;
    }
    // "HD" / "HDTV": one acronym the start of the other.
    let (xa, ya) = (acronym(x), acronym(y));
    if xa.len() >= 2 && ya.len() >= 2 && (xa.starts_with(&ya) || ya.starts_with(&xa)) {
        return true;
    }
    // "Hurosawa" / "Kurosawa": one letter mistyped in a long name.
    let (xc, yc): (Vec<char>, Vec<char>) = (xl.chars().collect(), yl.chars().collect());
    if xc.len() >= 6
        && xc.len() == yc.len()
        && xc.iter().zip(&yc).filter(|(a, b)| a != b).count() == 1
    {
        return true;
    }
    let prefix = |a: &str, b: &str| a.len() >= 3 && b.starts_with(a.trim_end_matches('.'));
    if prefix(&xl, &yl) || prefix(&yl, &xl) || align::fuzzy::similarity(&xl, &yl) >= 0.5 {
        return true;
    }
    let abbr = |a: &str, b: &str| {
        let short = a.trim_end_matches('.');
        lexicon::STATE_ABBREVIATIONS
            .iter()
            .any(|(s, long)| s.eq_ignore_ascii_case(short) && long.eq_ignore_ascii_case(b))
            || acronym(a) == initials(b) && acronym(a).len() >= 2
    };
    abbr(x, y) || abbr(y, x)
}

/// "U.S." → "US", "EU" → "EU"; empty when the word is not all capitals.
fn acronym(word: &str) -> String {
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.chars().all(char::is_uppercase) {
        letters
    } else {
        String::new()
    }
}

/// "United States" → "US", "European Union" → "EU" (function words skipped).
fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return "#".to_string();
    }
    words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_values() {
        assert_eq!(figure("12,000").map(format_value), Some("12000".into()));
        assert_eq!(
            figure("3.4million").map(format_value),
            Some("3400000".into())
        );
        assert_eq!(figure("1.3bn").map(format_value), Some("1300000000".into()));
        assert_eq!(figure("27th").map(format_value), Some("27".into()));
        assert_eq!(figure("2.56m").map(format_value), Some("2560000".into()));
        assert_eq!(figure("97.3").map(format_value), Some("97.3".into()));
    }

    #[test]
    fn abbreviations_are_one_name() {
        for (a, b) in [
            ("U.S", "United States"),
            ("EU", "European Union"),
            ("UN", "United Nations"),
            ("Calif", "California"),
            ("Pa", "Pennsylvania"),
            ("Gov", "Governor"),
            ("N.Y", "New York"),
        ] {
            assert!(same_name(a, b), "{a} / {b}");
        }
        assert!(!same_name("IBM", "Intel"));
        assert!(!same_name("Iran", "Khataib Hezbollah"));
    }
}
