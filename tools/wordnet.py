#!/usr/bin/env python3
"""Builds lexicon/wordnet/ from WordNet 3.0 as Debian ships it.

Development time only: the crate's build and tests read the committed files
and never run this script or download anything.

    python3 tools/wordnet.py            # apt-get download wordnet-base
    python3 tools/wordnet.py --deb F    # use a .deb already on disk

The package version is pinned and its sha256 checked, so a re-run writes the
same bytes. Every output file is plain text, one record a line, sorted.
"""

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGE = "wordnet-base"
VERSION = "1:3.0-37"
SHA256 = "61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752"
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "lexicon" / "wordnet"

# lexnames(5WN): the lexicographer file numbers and names.
LEXNAMES = [
    "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal",
    "noun.artifact", "noun.attribute", "noun.body", "noun.cognition",
    "noun.communication", "noun.event", "noun.feeling", "noun.food",
    "noun.group", "noun.location", "noun.motive", "noun.object",
    "noun.person", "noun.phenomenon", "noun.plant", "noun.possession",
    "noun.process", "noun.quantity", "noun.relation", "noun.shape",
    "noun.state", "noun.substance", "noun.time", "verb.body",
    "verb.change", "verb.cognition", "verb.communication",
    "verb.competition", "verb.consumption", "verb.contact",
    "verb.creation", "verb.emotion", "verb.motion", "verb.perception",
    "verb.possession", "verb.social", "verb.stative", "verb.weather",
    "adj.ppl",
]
# Noun senses whose derived verb names the same happening.
DERIVING = {"noun.act", "noun.event", "noun.process", "noun.phenomenon",
            "noun.state"}
# A noun.communication sense counts too when its verb is a speech act or a
# social one ("resignation" -> "resign", "denial" -> "deny"); a thing
# written ("letter", "alphabet") has a verb of another kind.
SPOKEN = ("noun.communication", {"verb.communication", "verb.social"})
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
ANTONYM_SENSES = 3
PERSON_SENSES = 3
DERIVATION_SENSES = 2


def fetch(deb, work):
    """Returns the .deb's path, downloaded into work unless given; checks it."""
    if deb is None:
        subprocess.run(["apt-get", "download", f"{PACKAGE}={VERSION}"],
                       cwd=work, check=True)
        names = [n for n in os.listdir(work) if n.endswith(".deb")]
        if len(names) != 1:
            sys.exit(f"expected one .deb in {work}, found {names}")
        deb = os.path.join(work, names[0])
    data = Path(deb).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        sys.exit(f"{deb}: sha256 {digest}, expected {SHA256} ({VERSION})")
    return deb


def extract(deb, work):
    """Unpacks the .deb and returns WordNet's dict folder and the doc folder."""
    into = os.path.join(work, "x")
    subprocess.run(["dpkg-deb", "-x", deb, into], check=True)
    root = Path(into) / "usr" / "share"
    return root / "wordnet", root / "doc" / PACKAGE


def single(lemma):
    """Whether a lemma is one word (WordNet joins collocations with '_')."""
    return "_" not in lemma


def read_index(folder, pos):
    """Lemma -> synset offsets in sense order, from index.<pos>."""
    senses = {}
    for line in (folder / f"index.{POS_FILES[pos]}").read_text("latin-1").splitlines():
        if line.startswith(" "):
            continue  # the licence at the top
        fields = line.split()
        lemma, p_cnt = fields[0], int(fields[3])
        rest = fields[4 + p_cnt:]
        sense_cnt = int(fields[2])
        senses[lemma] = rest[2:2 + sense_cnt]
    return senses


def read_data(folder, pos):
    """Synset offset -> (lexname, words, pointers) from data.<pos>.

    words are lowercase lemmas without adjective markers; each pointer is
    (symbol, target offset, target pos, source word, target word), the word
    numbers counting from 1 and 0 for a pointer between whole synsets.
    """
    synsets = {}
    for line in (folder / f"data.{POS_FILES[pos]}").read_text("latin-1").splitlines():
        if line.startswith(" "):
            continue
        head = line.split(" | ", 1)[0].split()
        offset, lexfile = head[0], LEXNAMES[int(head[1])]
        w_cnt = int(head[3], 16)
        words = [head[4 + 2 * i].split("(")[0].lower() for i in range(w_cnt)]
        at = 4 + 2 * w_cnt
        p_cnt = int(head[at])
        pointers = []
        for i in range(p_cnt):
            sym, target, tpos, st = head[at + 1 + 4 * i: at + 5 + 4 * i]
            tpos = "a" if tpos == "s" else tpos
            pointers.append((sym, target, tpos, int(st[:2], 16), int(st[2:], 16)))
        synsets[offset] = (lexfile, words, pointers)
    return synsets


def read_exceptions(folder):
    """(pos, form, lemma) rows from the four .exc files, in file order."""
    rows = []
    for pos, name in POS_FILES.items():
        for line in (folder / f"{name}.exc").read_text("latin-1").splitlines():
            form, *lemmas = line.split()
            rows.extend((pos, form, lemma) for lemma in lemmas)
    return rows


def word_number(synset, lemma):
    """The 1-based number of lemma among a synset's words, or 0."""
    words = synset[1]
    return words.index(lemma) + 1 if lemma in words else 0


def antonyms(index, data, pos):
    """Direct antonym pairs between the first senses of single-word lemmas."""
    pairs = set()
    for lemma, offsets in index[pos].items():
        if not single(lemma):
            continue
        for offset in offsets[:ANTONYM_SENSES]:
            synset = data[pos][offset]
            number = word_number(synset, lemma)
            for sym, target, tpos, src, dst in synset[2]:
                if sym != "!" or tpos != pos or src != number:
                    continue
                other = data[pos][target][1][dst - 1]
                if single(other) and other != lemma and target in index[pos].get(other, [])[:ANTONYM_SENSES]:
                    pairs.add(tuple(sorted((lemma, other))))
    return sorted(pairs)


def derivations(index, data):
    """Noun lemma -> the verb derived from one of its first happening senses."""
    rows = {}
    for noun, offsets in index["n"].items():
        if not single(noun):
            continue
        for offset in offsets[:DERIVATION_SENSES]:
            synset = data["n"][offset]
            if noun in rows or (synset[0] not in DERIVING and synset[0] != SPOKEN[0]):
                continue
            number = word_number(synset, noun)
            for sym, target, tpos, src, dst in synset[2]:
                if sym == "+" and tpos == "v" and src == number:
                    if synset[0] == SPOKEN[0] and data["v"][target][0] not in SPOKEN[1]:
                        continue
                    verb = data["v"][target][1][dst - 1]
                    if single(verb) and verb in index["v"]:
                        rows[noun] = verb
                        break
    return sorted(rows.items())


def short(lexname):
    """'noun.person' -> 'person'."""
    return lexname.split(".", 1)[1]


def write(name, header, lines):
    """Writes one table: a '#' header line, then the records."""
    text = "# " + header + "\n" + "".join(line + "\n" for line in lines)
    (OUT / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"{name}: {len(lines)} records, {len(text.encode())} bytes")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", help="a wordnet-base .deb already downloaded")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wordnet-") as work:
        build(extract(fetch(args.deb, work), work))


def build(folders):
    """Writes every table and LICENSE from the extracted package."""
    folder, doc = folders
    index = {pos: read_index(folder, pos) for pos in "nva"}
    data = {pos: read_data(folder, pos) for pos in "nva"}
    OUT.mkdir(parents=True, exist_ok=True)
    source = f"WordNet 3.0 via Debian {PACKAGE} {VERSION}; see LICENSE"

    exc = sorted(enumerate(read_exceptions(folder)), key=lambda r: (r[1][:2], r[0]))
    write("exceptions.tsv", f"pos(n v a r)\tinflected form\tlemma, first is WordNet's first; {source}",
          ["\t".join(row) for _, row in exc])

    nouns = []
    for lemma, offsets in sorted(index["n"].items()):
        if single(lemma) and offsets:
            first = short(data["n"][offsets[0]][0])
            person = any(data["n"][o][0] == "noun.person" for o in offsets[:PERSON_SENSES])
            nouns.append(f"{lemma}\t{first}" + ("\t+" if person else ""))
    write("nouns.tsv", f"noun lemma\tlexname of its first sense\t'+' when one of its first {PERSON_SENSES} senses is noun.person; {source}", nouns)

    verbs = [f"{lemma}\t{short(data['v'][offsets[0]][0])}"
             for lemma, offsets in sorted(index["v"].items()) if single(lemma) and offsets]
    write("verbs.tsv", f"verb lemma\tlexname of its first sense; {source}", verbs)

    adjectives = [lemma for lemma in sorted(index["a"]) if single(lemma)]
    write("adjectives.txt", f"adjective lemma; {source}", adjectives)

    pairs = [f"{pos}\t{a}\t{b}" for pos in "nva" for a, b in antonyms(index, data, pos)]
    write("antonyms.tsv", f"pos(n v a)\tlemma\tdirect antonym, first {ANTONYM_SENSES} senses of each; {source}", pairs)

    derived = [f"{noun}\t{verb}" for noun, verb in derivations(index, data)]
    write("derivations.tsv", f"noun lemma (act, event, process, phenomenon, state)\tderived verb, first {DERIVATION_SENSES} senses; {source}", derived)

    copyright_text = (doc / "copyright").read_text("utf-8")
    licence = copyright_text.split("License: WordNet3.0\n", 1)[1].split("\nFiles:", 1)[0]
    licence = "\n".join("" if l.strip() == "." else l[1:] for l in licence.splitlines()).strip()
    header = (
        "The files in this folder are derived from WordNet 3.0 by\n"
        "tools/wordnet.py, from the Debian package\n"
        f"{PACKAGE} {VERSION} (all), sha256 {SHA256}:\n"
        "its /usr/share/wordnet/{noun,verb,adj,adv}.exc, index.{noun,verb,adj}\n"
        "and data.{noun,verb,adj} give the exception lists, the single-word\n"
        "lemmas, each lemma's lexicographer file, direct antonyms and\n"
        "noun-to-verb derivations. The licence below is WordNet's, as that\n"
        "package's copyright file gives it.\n"
    )
    (OUT / "LICENSE").write_text(header + "\n" + "-" * 72 + "\n\n" + licence + "\n",
                                 encoding="utf-8", newline="\n")
    print("LICENSE written")


if __name__ == "__main__":
    main()
