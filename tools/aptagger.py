#!/usr/bin/env python3
"""Builds the part-of-speech model in lexicon/tagger/ from textblob-aptagger.

Development-time only: the crate's build and tests never run this or touch
the network. It

1. downloads the PyPI package textblob-aptagger 0.2.0 with pip and checks
   its sha256 against the pinned value below;
2. loads the averaged-perceptron model in it (`trontagger-0.1.0.pickle`, a
   Python 2 pickle of `(weights, tagdict, classes)`);
3. prunes it: drops every weight of magnitude below `--min-weight` and every
   feature left with no weight;
4. writes `lexicon/tagger/model.bin` (format below) and
   `lexicon/tagger/NOTICE` (provenance and licence).

With `--eval FILE.conllu` it also tags the file's gold tokens in Python with
the unpruned and the pruned weights, the same way src/syntax/tagger.rs does,
and prints both accuracies; nothing of the file is written anywhere.

The output is deterministic: the same bytes on every run.

model.bin, all integers little-endian:

    magic      8 bytes  b"GSTAGGER"
    version    u32      1
    classes    u8 n, then n times: u8 length, ASCII tag string
                        (sorted by string: a class's index is its rank)
    tagdict    u32 n, then n times, sorted by key:
                        u64 key = word_key(word), u8 class
    features   u32 n, then n times, sorted by key:
                        u64 key = feature_key(template, parts), u8 count,
                        then count times: u8 class, weight as a zigzag
                        LEB128 varint in thousandths (the pickle's weights
                        are exact thousandths)

Keys are 64-bit hashes, so the file holds no strings but the tag names:
mix(k) is MurmurHash3's fmix64; whash(s) starts from 0xCBF29CE484222325,
mixes in the UTF-8 bytes of s in chunks of eight (little-endian, the last
padded with zeros) as h = mix(h ^ chunk), and ends with h ^ len(bytes);
seed(t) = mix((t + 1) * 0x9E3779B97F4A7C15 mod 2^64); and

    feature_key(t, [p1, .., pn]) = mix(..mix(mix(seed(t) ^ whash(p1)) ^ whash(p2))..)
    word_key(w)                  = feature_key(14, [w])

where t is the feature's template number in TEMPLATES and the parts are the
strings that follow the template name in textblob's feature string.
"""

import argparse
import hashlib
import io
import pickle
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "textblob-aptagger"
VERSION = "0.2.0"
WHEEL = "textblob_aptagger-0.2.0-py2.py3-none-any.whl"
SHA256 = "1ed281f37b3646475503ce77347d0ed92a5f4de176a63c6ab4d1064636067dcc"
URL = (
    "https://files.pythonhosted.org/packages/c0/08/"
    "814f5a12bc7d7f87f03185323e66c2d103fb8dc3a42f05af40f53b28ecac/" + WHEEL
)
PICKLE = "textblob_aptagger/trontagger-0.1.0.pickle"

MAGIC = b"GSTAGGER"
FORMAT_VERSION = 1

# textblob's feature names, in template-number order, with their part count.
TEMPLATES = [
    ("bias", 0),
    ("i suffix", 1),
    ("i pref1", 1),
    ("i-1 tag", 1),
    ("i-2 tag", 1),
    ("i tag+i-2 tag", 2),
    ("i word", 1),
    ("i-1 tag+i word", 2),
    ("i-1 word", 1),
    ("i-1 suffix", 1),
    ("i-2 word", 1),
    ("i+1 word", 1),
    ("i+1 suffix", 1),
    ("i+2 word", 1),
]
TAGDICT_TEMPLATE = 14

M64 = (1 << 64) - 1


def whash(s):
    b = s.encode("utf-8")
    h = 0xCBF29CE484222325
    for i in range(0, len(b), 8):
        h = mix(h ^ int.from_bytes(b[i : i + 8], "little"))
    return h ^ len(b)


def mix(k):
    k ^= k >> 33
    k = (k * 0xFF51AFD7ED558CCD) & M64
    k ^= k >> 33
    k = (k * 0xC4CEB9FE1A85EC53) & M64
    k ^= k >> 33
    return k


def feature_key(t, parts):
    h = mix(((t + 1) * 0x9E3779B97F4A7C15) & M64)
    for p in parts:
        h = mix(h ^ whash(p))
    return h


def word_key(word):
    return feature_key(TAGDICT_TEMPLATE, [word])


def split_feature(feature):
    """(template number, parts) of a textblob feature string."""
    # Longest names first: "i-1 tag+i word" before "i-1 tag".
    order = sorted(range(len(TEMPLATES)), key=lambda t: -len(TEMPLATES[t][0]))
    for t in order:
        name, n = TEMPLATES[t]
        if feature == name and n == 0:
            return t, []
        if n and feature.startswith(name + " "):
            rest = feature[len(name) + 1 :]
            return t, (rest.split(" ", 1) if n == 2 else [rest])
    raise ValueError("unknown feature %r" % feature)


def download(tmp):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
         "--only-binary=:all:", "-d", tmp, "%s==%s" % (PACKAGE, VERSION)],
        check=True,
    )
    data = (Path(tmp) / WHEEL).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        sys.exit("sha256 mismatch: got %s, expected %s" % (digest, SHA256))
    return data


def load(wheel):
    with zipfile.ZipFile(io.BytesIO(wheel)) as z:
        weights, tagdict, classes = pickle.loads(z.read(PICKLE), encoding="latin1")
        metadata = z.read("textblob_aptagger-0.2.0.dist-info/METADATA").decode()
    return weights, tagdict, sorted(classes), metadata


def prune(weights, min_weight):
    out = {}
    for feature, row in weights.items():
        kept = {c: w for c, w in row.items() if abs(w) >= min_weight and w != 0}
        if kept:
            out[feature] = kept
    return out


def varint(n):
    z = (n << 1) if n >= 0 else ((-n << 1) - 1)
    out = bytearray()
    while True:
        b = z & 0x7F
        z >>= 7
        if z:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def encode(weights, tagdict, classes):
    index = {c: i for i, c in enumerate(classes)}
    out = bytearray(MAGIC)
    out += FORMAT_VERSION.to_bytes(4, "little")
    out.append(len(classes))
    for c in classes:
        out.append(len(c))
        out += c.encode("ascii")
    entries = sorted((word_key(w), index[t]) for w, t in tagdict.items())
    check_unique([k for k, _ in entries])
    out += len(entries).to_bytes(4, "little")
    for k, c in entries:
        out += k.to_bytes(8, "little") + bytes([c])
    rows = sorted((feature_key(*split_feature(f)), row) for f, row in weights.items())
    check_unique([k for k, _ in rows])
    out += len(rows).to_bytes(4, "little")
    for k, row in rows:
        out += k.to_bytes(8, "little") + bytes([len(row)])
        for c in sorted(row, key=index.get):
            out.append(index[c])
            out += varint(round(row[c] * 1000))
    return bytes(out)


def check_unique(keys):
    if len(set(keys)) != len(keys):
        sys.exit("hash collision among the model's keys")


LICENCE_START = "Permission is hereby granted"
LICENCE_END = "THE SOFTWARE."


def notice(metadata):
    start = metadata.index(LICENCE_START)
    end = metadata.index(LICENCE_END, start) + len(LICENCE_END)
    licence = metadata[start:end]
    return (
        "lexicon/tagger/model.bin is derived from the averaged-perceptron\n"
        "part-of-speech model in the PyPI package %s %s\n"
        "(file trontagger-0.1.0.pickle), pruned and re-encoded by\n"
        "tools/aptagger.py.\n\n"
        "Package: %s %s\n"
        "Download: %s\n"
        "sha256 of %s: %s\n"
        "Home page: https://github.com/sloria/textblob-aptagger\n\n"
        "The package's licence is MIT (its __init__.py: __license__ = \"MIT\");\n"
        "its metadata gives the copyright and text below. The tagger it\n"
        "implements is Matthew Honnibal's, also MIT licensed.\n\n"
        "Copyright 2013 Matthew Honnibal\n\n%s\n"
        % (PACKAGE, VERSION, PACKAGE, VERSION, URL, WHEEL, SHA256, licence)
    )


# --- Evaluation: the tagger of src/syntax/tagger.rs, in Python. ---

OPEN_QUOTES = {"\u201c", "\u00ab", "\u201e", "``"}
CLOSE_QUOTES = {"\u201d", "\u00bb", "''"}
WHOLE = {
    "\u2018": "`", "\u2019": "'", "\u201a": "`",
    "\u2014": "--", "\u2013": "--", "\u2015": "--", "\u2012": "--",
    "\u2026": "...",
    "(": "-LRB-", "[": "-LRB-", "{": "-LRB-",
    ")": "-RRB-", "]": "-RRB-", "}": "-RRB-",
}
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def canonical(words):
    """The words as the model's training text writes them."""
    out = []
    quotes = 0
    for w in words:
        if w in OPEN_QUOTES or (w == '"' and quotes % 2 == 0):
            quotes += 1
            out.append("``")
        elif w in CLOSE_QUOTES or w == '"':
            quotes += 1
            out.append("''")
        elif w in WHOLE:
            out.append(WHOLE[w])
        else:
            out.append(w.translate(APOSTROPHES) or " ")
    return out


def is_digit(c):
    return "0" <= c <= "9"


def normalize(word):
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if len(word) == 4 and all(is_digit(c) for c in word):
        return "!YEAR"
    if is_digit(word[0]):
        return "!DIGITS"
    # ASCII letters only, as the Python 2 byte strings it was trained on.
    return "".join(c.lower() if c.isascii() else c for c in word)


def tag_sentence(words, weights, tagdict, classes):
    words = canonical(words)
    context = ["-START-", "-START2-"] + [normalize(w) for w in words] + ["-END-", "-END2-"]
    prev, prev2 = "-START-", "-START2-"
    tags = []
    for i, word in enumerate(words):
        tag = tagdict.get(word)
        if not tag:
            j = i + 2
            feats = [
                "bias", "i suffix " + word[-3:], "i pref1 " + word[0],
                "i-1 tag " + prev, "i-2 tag " + prev2,
                "i tag+i-2 tag %s %s" % (prev, prev2), "i word " + context[j],
                "i-1 tag+i word %s %s" % (prev, context[j]),
                "i-1 word " + context[j - 1], "i-1 suffix " + context[j - 1][-3:],
                "i-2 word " + context[j - 2], "i+1 word " + context[j + 1],
                "i+1 suffix " + context[j + 1][-3:], "i+2 word " + context[j + 2],
            ]
            scores = dict.fromkeys(classes, 0)
            for f in feats:
                for c, w in weights.get(f, {}).items():
                    scores[c] += round(w * 1000)
            tag = max(classes, key=lambda c: (scores[c], c))
        tags.append(tag)
        prev2, prev = prev, tag
    return tags


PENN = {
    "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS",
    "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO",
    "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ",", ".",
    ":", "-LRB-", "-RRB-", "``", "''", "#", "$",
}
SAME = {"TO": "IN", "``": "Q", "''": "Q", '"': "Q", "(": "-LRB-", ")": "-RRB-"}


def read_conllu(path):
    sentence = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if sentence:
                yield sentence
            sentence = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10 or "-" in cols[0] or "." in cols[0]:
            continue
        sentence.append((cols[1], cols[4]))
    if sentence:
        yield sentence


def accuracy(path, weights, tagdict, classes):
    right = total = 0
    for sentence in read_conllu(path):
        words = [w for w, _ in sentence]
        for (_, gold), guess in zip(sentence, tag_sentence(words, weights, tagdict, classes)):
            if gold not in PENN:
                continue
            total += 1
            right += SAME.get(gold, gold) == SAME.get(guess, guess)
    return right / max(total, 1)


def main():
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-weight", type=float, default=1.0,
                    help="drop weights of smaller magnitude (default 1.0)")
    ap.add_argument("--out", type=Path, default=root / "lexicon" / "tagger")
    ap.add_argument("--eval", type=Path, help="a CoNLL-U file to measure on")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        wheel = download(tmp)
    weights, tagdict, classes, metadata = load(wheel)
    pruned = prune(weights, args.min_weight)
    model = encode(pruned, tagdict, classes)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "model.bin").write_bytes(model)
    (args.out / "NOTICE").write_text(notice(metadata), encoding="utf-8")
    n = sum(len(r) for r in pruned.values())
    print("model.bin: %d bytes, %d features, %d weights (of %d, %d)"
          % (len(model), len(pruned), n, len(weights),
             sum(len(r) for r in weights.values())))
    if args.eval:
        full = accuracy(args.eval, weights, tagdict, classes)
        small = accuracy(args.eval, pruned, tagdict, classes)
        print("accuracy unpruned %.4f pruned %.4f" % (full, small))


if __name__ == "__main__":
    main()
