#!/usr/bin/python3
"""Makes the CJK subset font in assets/fonts/ (and its OFL.txt) that Tongban embeds in its PDFs (registration forms, receipts).

Source: Debian's fonts-noto-cjk (Noto Sans CJK, SIL OFL 1.1), the Simplified Chinese face of the .ttc.
Character set (the union, minus what the font lacks):
  - printable ASCII, Latin-1 punctuation and signs (· × ÷ ° § ¥ …), general punctuation (— ‘ ’ “ ” … ※ ‰)
  - CJK symbols and punctuation (U+3000–303F), full-width and half-width forms (U+FF01–FF65, FFE0–FFE6)
  - every character of GB 2312 (its 6763 hanzi and 682 symbols), decoded with Python's own gb2312 codec
  - the 8105 hanzi of the 2013 通用规范汉字表 (Unihan's kTGH field, from Debian's unicode-data): the
    standard list for names and addresses, which adds the ~1600 name characters GB 2312 lacks (堃 喆 玥 昇 …)
  - enclosed numerals ①–⑳ and a few signs forms use (□ ■ √ ○ ●), the capital numerals of amounts (in GB 2312)
The required sets (GB 2312, 通用规范汉字表, capital numerals) must be covered in full or the script fails; from the
ranges, code points the font has no glyph for (‗ ‣ ‱ …) are left out.

Run from the repository root (root needed once for apt):
  apt-get install -y python3-fonttools fonts-noto-cjk unicode-data
  /usr/bin/python3 tools/fonts/make-subset.py

/usr/bin/python3 on purpose: python3-fonttools is Debian's, and a pyenv or venv python3 on PATH does not see it.
The output is deterministic for a given fonts-noto-cjk version (recorded in assets/fonts/README.md).
"""
import bz2
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT_DIR = os.path.join(ROOT, 'assets', 'fonts')
NOTO_DIR = '/usr/share/fonts/opentype/noto'
UNIHAN = '/usr/share/unicode/Unihan_OtherMappings.txt.bz2'
DEBIAN_COPYRIGHT = '/usr/share/doc/fonts-noto-cjk/copyright'
# The upstream notice (googlefonts/noto-cjk LICENSE); the font's own name record 0 says "© 2014-2021 Adobe".
NOTICE = """Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.
Noto is a trademark of Google Inc.

The file NotoSansSC-Regular-subset.otf in this folder is a Modified Version (a subset) of Noto Sans CJK SC
Regular, made by tools/fonts/make-subset.py from Debian's fonts-noto-cjk. It is distributed under the same licence:

This Font Software is licensed under the SIL Open Font License, Version 1.1.
This license is copied below, and is also available with a FAQ at: https://openfontlicense.org

"""

# (source collection, face name inside it, output file). One weight only: each is ~2.3 MB, and the PDF layer
# draws headings with a stroked (synthetic) bold, as word processors do for 宋体.
FACES = [
    ('NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular', 'NotoSansSC-Regular-subset.otf'),
]

# Signs forms and receipts print that are outside GB 2312 (or easy to forget).
EXTRA = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳√○●□■△▲※‰€•·—–‘’“”…、。《》「」『』【】〔〕（）：；，！？￥'
CAPITAL_NUMERALS = '零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整'


def gb2312_chars():
    chars = []
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode('gb2312'))
            except UnicodeDecodeError:
                pass
    return chars


def tongyong_guifan_chars():
    chars = []
    with bz2.open(UNIHAN, 'rt', encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) == 3 and parts[1] == 'kTGH':
                chars.append(chr(int(parts[0][2:], 16)))
    return chars


def ranges(*spans):
    return [chr(c) for a, b in spans for c in range(a, b + 1)]


def wanted_codepoints():
    """(required, optional) code points."""
    gb = gb2312_chars()
    hanzi = [c for c in gb if '\u4e00' <= c <= '\u9fff']
    assert len(hanzi) == 6763, f'GB 2312 has 6763 hanzi, the codec gave {len(hanzi)}'
    tgh = tongyong_guifan_chars()
    assert len(tgh) == 8105, f'通用规范汉字表 has 8105 hanzi, Unihan gave {len(tgh)}'
    required = set(gb) | set(tgh) | set(CAPITAL_NUMERALS) | set(EXTRA) | set(ranges((0x20, 0x7E)))
    optional = set(ranges((0xA0, 0xBF), (0xD7, 0xD7), (0xF7, 0xF7), (0x2010, 0x2027), (0x2030, 0x203B),
                          (0x3000, 0x303F), (0xFF01, 0xFF65), (0xFFE0, 0xFFE6)))
    return {ord(c) for c in required}, {ord(c) for c in optional}


def extract_face(ttc_path, ps_name):
    collection = TTCollection(ttc_path)
    for font in collection.fonts:
        if font['name'].getDebugName(6) == ps_name:
            return font
    sys.exit(f'{ps_name} not found in {ttc_path}')


def make(ttc_file, ps_name, out_file, required, optional):
    font = extract_face(os.path.join(NOTO_DIR, ttc_file), ps_name)
    cmap = font.getBestCmap()
    missing = sorted(c for c in required if c not in cmap)
    if missing:
        sys.exit(f'{ps_name} lacks required characters: {"".join(chr(c) for c in missing)}')
    present = sorted(required | {c for c in optional if c in cmap})
    options = subset.Options()
    options.name_IDs = ['*']  # keep the copyright (0), licence (13, 14) and trademark (7) records: OFL §2
    options.name_languages = ['*']
    options.notdef_outline = True
    options.recalc_bounds = True
    options.drop_tables += ['DSIG', 'VORG', 'vhea', 'vmtx']  # horizontal text only
    options.layout_features = ['kern', 'palt', 'halt']  # no 'locl': it pulls in the JP/KR/TC glyph variants
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=present)
    subsetter.subset(font)
    out_path = os.path.join(OUT_DIR, out_file)
    font.recalcTimestamp = False  # keep the source's head.modified: same input, same bytes
    font.save(out_path)
    print(f'{out_file}: {len(present)} characters, {len(font.getGlyphOrder())} glyphs, '
          f'{os.path.getsize(out_path)} bytes')


def write_licence():
    """OFL.txt: the notice above and the licence text as Debian ships it (its copyright file's SIL-1.1 stanza)."""
    with open(DEBIAN_COPYRIGHT, encoding='utf-8') as f:
        stanza = f.read().split('License: SIL-1.1\n', 2)[2].split('\nLicense: ', 1)[0]
    body = '\n'.join('' if line == ' .' else line[1:] for line in stanza.rstrip('\n').split('\n'))
    with open(os.path.join(OUT_DIR, 'OFL.txt'), 'w', encoding='utf-8') as f:
        f.write(NOTICE + body + '\n')


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    write_licence()
    required, optional = wanted_codepoints()
    for ttc_file, ps_name, out_file in FACES:
        make(ttc_file, ps_name, out_file, required, optional)


if __name__ == '__main__':
    main()
