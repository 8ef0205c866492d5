//! A deterministic corpus generator for benchmarks: the seed articles'
//! sentences, varied (names, places, numbers, weekdays, statuses,
//! negations) into N documents across M stories.

use gainsay::{Detector, Document};

const SEEDS: [&str; 3] = [
    include_str!("../../seeds/000_2f78a6cdd33d4ba1.txt"),
    include_str!("../../seeds/001_cd025cf6908f6359.txt"),
    include_str!("../../seeds/003_d1e500575fa9197e.txt"),
];

const NAMES: &[(&str, &str)] = &[
    ("Khawaja Asif", "Asif"),
    ("Ana Lopes", "Lopes"),
    ("Omar Haddad", "Haddad"),
    ("Mei Lin Chen", "Chen"),
    ("Pieter de Vries", "de Vries"),
    ("Amara Okafor", "Okafor"),
    ("Ivan Petrov", "Petrov"),
    ("Sofia Rossi", "Rossi"),
];

const PLACES: &[&str] = &[
    "Istanbul", "Doha", "Geneva", "Oslo", "Nairobi", "Vienna", "Muscat", "Jeddah",
];

const PARTIES: &[(&str, &str)] = &[
    ("Pakistan", "Afghanistan"),
    ("Sudan", "South Sudan"),
    ("Armenia", "Azerbaijan"),
    ("Ethiopia", "Eritrea"),
    ("Serbia", "Kosovo"),
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Phrases swapped for one another: statuses and their negations.
const STATUS_SWAPS: &[&[&str]] = &[
    &[
        "have collapsed",
        "have made progress",
        "have stalled",
        "have resumed",
        "have not collapsed",
    ],
    &[
        "no breakthrough",
        "a breakthrough",
        "real progress",
        "a deadlock",
    ],
    &["ray of light", "dead end", "glimmer of hope", "stalemate"],
    &[
        "were derailed",
        "were not derailed",
        "were back on track",
        "were on hold",
    ],
    &[
        "ceasefire would remain in place",
        "ceasefire had collapsed",
        "ceasefire was holding",
    ],
];

/// splitmix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The seed sentences, split by the crate's own splitter.
fn sentences() -> Vec<String> {
    let detector = Detector::new();
    SEEDS
        .iter()
        .enumerate()
        .flat_map(|(i, text)| {
            let doc = Document::parse(format!("seed{i}"), *text);
            detector
                .sentences(&doc)
                .into_iter()
                .map(|s| doc.text()[s.range()].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn vary(sentence: &str, rng: &mut Rng, story: usize) -> String {
    let mut out = sentence.to_string();
    let (name, surname) = NAMES[(story + rng.below(3)) % NAMES.len()];
    out = out
        .replace("Khawaja Muhammad Asif", name)
        .replace("Khawaja Asif", name)
        .replace("Asif", surname);
    let place = PLACES[story % PLACES.len()];
    out = out.replace("Istanbul", place);
    let (p, q) = PARTIES[story % PARTIES.len()];
    out = out.replace("Pakistan", p).replace("Afghanistan", q);
    for day in WEEKDAYS {
        if out.contains(day) {
            let to = *rng.pick(WEEKDAYS);
            out = out.replace(day, to);
        }
    }
    for swaps in STATUS_SWAPS {
        if let Some(from) = swaps.iter().find(|s| out.contains(**s)) {
            let to = *rng.pick(swaps);
            out = out.replace(from, to);
        }
    }
    // Numbers: each run of digits becomes another of the same length.
    let mut varied = String::with_capacity(out.len());
    for c in out.chars() {
        if c.is_ascii_digit() {
            varied.push(char::from(b'0' + rng.below(10) as u8));
        } else {
            varied.push(c);
        }
    }
    varied
}

/// One generated article, as its id and its text (with header lines).
pub struct Article {
    pub id: String,
    pub text: String,
}

/// `docs` articles across `stories` stories, the same for the same `seed`.
/// Each has a date header and 15 to 40 varied seed sentences in paragraphs.
pub fn generate(docs: usize, stories: usize, seed: u64) -> Vec<Article> {
    let pool = sentences();
    let mut rng = Rng(seed);
    (0..docs)
        .map(|i| {
            let story = rng.below(stories.max(1));
            let day = 1 + rng.below(28);
            let mut text = format!(
                "date: 2025-11-{day:02}\noutlet: Outlet {}\n\n",
                rng.below(50)
            );
            let count = 15 + rng.below(26);
            for k in 0..count {
                let sentence = &pool[rng.below(pool.len())];
                text.push_str(&vary(sentence, &mut rng, story));
                text.push_str(if k % 4 == 3 { "\n\n" } else { " " });
            }
            // As read from a file: no room to spare.
            text.shrink_to_fit();
            Article {
                id: format!("s{story:03}-d{i:06}"),
                text,
            }
        })
        .collect()
}

/// The generated articles as documents.
#[allow(dead_code)]
pub fn documents(docs: usize, stories: usize, seed: u64) -> Vec<Document> {
    generate(docs, stories, seed)
        .into_iter()
        .map(|a| Document::parse(a.id, a.text))
        .collect()
}
