#!/usr/bin/env python3
"""Build an aligner test set from a pair of kazakhstan-law markdown acts (kaz.md / rus.md).

Written for this project (no third-party code).  Usage:
    python3 build_kzlaw.py SRC_DIR OUT_DIR
SRC_DIR holds kaz.md and rus.md (the texts as stored in github.com/kazakhstan-law/*).
OUT_DIR receives kk.raw.txt, ru.raw.txt, kk.txt, ru.txt, gold.txt, units.tsv, stats.txt.

Rules (see README.md):
* dropped: YAML front matter, <a id> anchors, editorial notes ("> *Ескерту..*",
  "> *Сноска..*", lines starting "Ескертпе." / "Примечание."), "____" end rules.
* paragraphs: one markdown paragraph = one raw line (leading indentation and ** / #
  markup removed); the preamble (lines before the first "## " heading) is joined into
  one paragraph.
* sentences: headings are never split; other paragraphs are split after . ! ? …
  (optionally followed by a closing quote/bracket) when whitespace and then an upper-case
  letter, digit-free opening quote or dash-less capital follow, except after a leading
  point number ("1."), a single capital letter (initial) or a known abbreviation.
* structure units: title, preamble, each section heading, each article heading,
  article intro text, each numbered point "N." of an article (with its continuation
  paragraphs and nested "k)" sub-points), each top-level sub-point "k)" of list articles.
  Units are matched by key across languages.
* gold: inside a matched unit, if both sides have the same number of paragraphs they are
  paired in order; a paragraph pair with equal sentence counts gives 1-1 beads, otherwise
  one n:m bead.  If paragraph counts differ, the whole unit is one n:m bead.  A unit
  present on one side only gives a 1-0 / 0-1 bead.

Provenance: this is the project's own set builder (shared/eval/build_kzlaw.py, which made
corpora/constitution_2026), kept here with the additions the later acts of corpora/eval/ need:
* article headings with their title ("**1-бап. Title**", "### Статья 1. Title", "## 1-бап. Title")
  are article headings like the constitution's bare "**1-бап**"; a heading ends the preamble;
* notes written in italics ("*Ескертпе. …*", "*Примечание. …*") are dropped like the plain ones;
* the markdown escape of a point number ("1\\. Текст") is undone ("1. Текст");
* points and sub-points numbered "1-1." / "5-1)" are points and sub-points;
* a paragraph wholly in bold after the articles (the signature: "**Президент …**") is a heading
  of a unit of its own, without the ** markup;
* text after an appendix heading, outside any article, is keyed by its section;
* a unit paragraphed differently on the two sides but with as many sentences on each gives 1-1
  beads in order (stats.txt lists each such unit, to be checked by eye), not one n:m bead;
* a table of contents before the "# " title is dropped, and so is a heading made of underscores
  only ("## ____", the rule that closes an appendix);
* numbered points before any heading (the operative points of a resolution, after its preamble)
  end the preamble and are points of section 0; the bold signature after them is a signature;
* paragraphs wholly in italics after an article (the signature of the older acts: "*Президент*",
  "*Республики Казахстан*") are one signature heading, joined with spaces, without the * markup;
* a hard-wrapped line (a paragraph ending in a letter, digit or comma and followed by one
  beginning with a lower-case letter) is joined to the next with a space.
On the constitution's sources it gives the same five files as build_kzlaw.py did.
"""
import os
import re
import sys
from collections import Counter

UPPER = 'A-ZА-ЯЁӘІҢҒҮҰҚӨҺЄЇ'
ABBREV = {'ҚР', 'РК', 'РФ', 'См', 'см', 'т.б', 'т.е', 'т.д', 'т.с.с', 'г', 'ж', 'ст', 'п', 'пп',
          'тт', 'N', '№', 'им', 'проф', 'акад', 'млн', 'млрд', 'тыс', 'руб', 'обл', 'бап', 'тарм'}

SPLIT_RE = re.compile(r'([.!?…]+[»")\]]*)(\s+)(?=[«"(]?[' + UPPER + r'0-9])')
ARTICLE_RE = re.compile(r'(?:\*\*|#{2,4} )(?:(\d+)-бап|Статья (\d+))(?:\*\*|\.\s.*|\s*)$')
NOTE_RE = re.compile(r'^\*?(Ескертпе|Ескерту|Примечание|Сноска)\.')
POINT_RE = re.compile(r'^(\d+(?:-\d+)?)\.\s')
SUBPOINT_RE = re.compile(r'^(\d+(?:-\d+)?)\)\s')
BOLD_RE = re.compile(r'\*\*([^*]+)\*\*')
ITALIC_RE = re.compile(r'\*([^*]+)\*')
WRAPPED_RE = re.compile(r'[\w,]$')
CONTINUED_RE = re.compile(r'^[a-zа-яёәіңғүұқөһ]')


def split_sentences(par):
    out = []
    start = 0
    for m in SPLIT_RE.finditer(par):
        end = m.end(1)
        before = par[start:m.start(1)]
        toks = before.split()
        last = toks[-1] if toks else ''
        # leading point number "1." / "12." at paragraph start
        if start == 0 and len(toks) == 1 and re.fullmatch(r'\d+(-\d+)?', last):
            continue
        if re.fullmatch('(?:[' + UPPER + r']\.)*[' + UPPER + ']', last):  # initials: "Н", "Н.А"
            continue
        if last.strip('(«"') in ABBREV:
            continue
        out.append(par[start:end].strip())
        start = m.end()
    tail = par[start:].strip()
    if tail:
        out.append(tail)
    return out


def parse(path, lang):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if text.startswith('---\n'):
        text = text[text.index('\n---\n', 4) + 5:]
    paras = [p for p in re.split(r'\n\s*\n', text)]
    titles = [i for i, p in enumerate(paras) if p.startswith('# ')]
    if titles:
        paras = paras[titles[0]:]  # a table of contents before the title
    joined = []
    for p in paras:
        if (joined and CONTINUED_RE.match(p.strip()) and WRAPPED_RE.search(joined[-1].rstrip())
                and not joined[-1].lstrip().startswith(('#', '>', '<', '*'))):
            joined[-1] = joined[-1].rstrip() + ' ' + p.strip()  # a hard-wrapped line
        else:
            joined.append(p)
    paras = joined
    units = []  # list of (key, [ (kind, paragraph_text) ])
    art = None
    sec = 0
    cur = None
    preamble = []
    seen_section = False

    def new_unit(key):
        nonlocal cur
        cur = (key, [])
        units.append(cur)
        return cur

    def end_preamble():
        nonlocal preamble
        if preamble:
            new_unit(('preamble',))[1].append(('p', ' '.join(preamble)))
            preamble = []

    for raw in paras:
        line = raw.rstrip()
        s = line.strip()
        if not s:
            continue
        if s.startswith('<a id='):
            continue
        if s.startswith('>'):
            continue  # editorial blockquote note
        if NOTE_RE.match(s):
            continue
        if re.fullmatch(r'(?:#+ )?_+', s):
            continue
        s = re.sub(r'^(\d+)\\\.', r'\1.', s)  # markdown escape of a point number
        if s.startswith('# '):
            new_unit(('title',))[1].append(('h', s[2:].strip()))
            continue
        m = ARTICLE_RE.fullmatch(s)
        if m:
            end_preamble()
            seen_section = True
            art = next(g for g in m.groups() if g)
            new_unit(('art', art, 'head'))[1].append(('h', s.strip('*# ')))
            continue
        if s.startswith('## '):
            end_preamble()
            seen_section = True
            sec += 1
            art = None
            new_unit(('section', sec))[1].append(('h', s[3:].strip()))
            continue
        if not seen_section and art is None:
            if not (POINT_RE.match(s) and not line.startswith(' ')):
                preamble.append(s)
                continue
            end_preamble()  # the operative points of a resolution
            seen_section = True
        bold = BOLD_RE.fullmatch(s)
        if bold and (art is not None or sec == 0):  # the signature after the last article or point
            if cur is None or cur[0][0] != 'signature':
                new_unit(('signature',))
            cur[1].append(('h', bold.group(1).strip()))
            continue
        italic = ITALIC_RE.fullmatch(s)
        if italic and art is not None:  # the signature of the older acts, one line a paragraph
            if cur is None or cur[0][0] != 'signature':
                new_unit(('signature',))[1].append(('h', italic.group(1).strip()))
            else:
                cur[1][-1] = ('h', cur[1][-1][1] + ' ' + italic.group(1).strip())
            continue
        indented = line.startswith(' ')
        mp = POINT_RE.match(s)
        ms = SUBPOINT_RE.match(s)
        owner = art if art is not None else f's{sec}'
        if mp and not indented:
            new_unit(('art', owner, 'pt', mp.group(1)))[1].append(('p', s))
        elif ms and not indented and (cur is None or cur[0][0] != 'art' or cur[0][2] in ('head', 'intro', 'sp')):
            # top-level sub-point of a list article
            new_unit(('art', owner, 'sp', ms.group(1)))[1].append(('p', s))
        else:
            if cur is None or cur[0][0] != 'art' or cur[0][1] != owner or cur[0][2] == 'head':
                new_unit(('art', owner, 'intro'))
            cur[1].append(('p', s))
    end_preamble()
    return units


def build(src, out):
    kk = parse(os.path.join(src, 'kaz.md'), 'kk')
    ru = parse(os.path.join(src, 'rus.md'), 'ru')
    os.makedirs(out, exist_ok=True)
    # sentence lists per unit
    def sents_of(units):
        res = []
        for key, pars in units:
            res.append((key, [(kind, [p] if kind == 'h' else split_sentences(p), p) for kind, p in pars]))
        return res
    K = sents_of(kk)
    R = sents_of(ru)
    kk_raw, ru_raw, kk_s, ru_s, beads, unit_rows = [], [], [], [], [], []
    # merge units by key, keeping order; both sides are in document order
    kkeys = [k for k, _ in K]
    rkeys = [k for k, _ in R]
    assert len(set(kkeys)) == len(kkeys), 'duplicate kk key'
    assert len(set(rkeys)) == len(rkeys), 'duplicate ru key'
    rmap = dict(R)
    kmap = dict(K)
    order = []
    ri = 0
    for k in kkeys:
        if k in rmap:
            while ri < len(rkeys) and rkeys[ri] != k:
                if rkeys[ri] not in kmap:
                    order.append(rkeys[ri])
                ri += 1
            ri += 1
        order.append(k)
    order += [k for k in rkeys[ri:] if k not in kmap]
    warnings = []

    def add(side_raw, side_s, pars):
        idx = []
        for kind, ss, p in pars:
            side_raw.append(p)
            for s in ss:
                idx.append(len(side_s))
                side_s.append(s)
        return idx

    for key in order:
        kp = kmap.get(key, [])
        rp = rmap.get(key, [])
        if not kp or not rp:
            warnings.append(f'unit only on one side: {key!r}')
            ki = add(kk_raw, kk_s, kp)
            rj = add(ru_raw, ru_s, rp)
            beads.append((ki, rj, key, 'one-sided'))
            continue
        if len(kp) == len(rp):
            for (a, b) in zip(kp, rp):
                ki = add(kk_raw, kk_s, [a])
                rj = add(ru_raw, ru_s, [b])
                if len(ki) == len(rj):
                    for x, y in zip(ki, rj):
                        beads.append(([x], [y], key, 'sent'))
                else:
                    beads.append((ki, rj, key, 'par'))
        else:
            ki = add(kk_raw, kk_s, kp)
            rj = add(ru_raw, ru_s, rp)
            if len(ki) == len(rj):  # paragraphed differently, the same sentences: checked by eye
                warnings.append(f'paragraph count differs {len(kp)}/{len(rp)}, sentences paired in order: '
                                f'{key!r}')
                beads.extend(([x], [y], key, 'sent-in-unit') for x, y in zip(ki, rj))
            else:
                warnings.append(f'paragraph count differs {len(kp)}/{len(rp)}: {key!r}')
                beads.append((ki, rj, key, 'unit'))
        unit_rows.append('\t'.join(map(str, key)))
    # checks
    assert sorted(i for b in beads for i in b[0]) == list(range(len(kk_s)))
    assert sorted(j for b in beads for j in b[1]) == list(range(len(ru_s)))

    def w(name, lines):
        with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines) + '\n')

    def ids(indices):
        return ','.join(map(str, indices))

    w('kk.raw.txt', kk_raw)
    w('ru.raw.txt', ru_raw)
    w('kk.txt', kk_s)
    w('ru.txt', ru_s)
    w('gold.txt', [f'[{ids(a)}]:[{ids(b)}]' for a, b, _, _ in beads])
    w('gold.keys.tsv', [f"[{ids(a)}]:[{ids(b)}]\t{'/'.join(map(str, k))}\t{why}" for a, b, k, why in beads])
    n11 = sum(1 for a, b, _, _ in beads if len(a) == 1 and len(b) == 1)
    types = Counter(f'{len(a)}-{len(b)}' for a, b, _, _ in beads)
    stats = [f'kk paragraphs: {len(kk_raw)}', f'ru paragraphs: {len(ru_raw)}',
             f'kk sentences: {len(kk_s)}', f'ru sentences: {len(ru_s)}',
             f'beads: {len(beads)}', f'1-1 beads: {n11}', f'non 1-1 beads: {len(beads) - n11}',
             'bead types: ' + ', '.join(f'{kind}={n}' for kind, n in sorted(types.items(), key=lambda kv: -kv[1]))]
    stats += ['warning: ' + x for x in warnings]
    w('stats.txt', stats)
    print('\n'.join(stats))


if __name__ == '__main__':
    build(sys.argv[1], sys.argv[2])
