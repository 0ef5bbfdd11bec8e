"""Cuts the certificate's font from Noto Serif CJK SC (see SOURCE.md).

usage: python3 subset.py NotoSerifCJK-Regular.ttc DIVISIONS_CSV OUT.ttf.br

Needs fontTools (Debian: python3-fonttools) and brotli (python3-brotli).
"""
import sys

import brotli
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

SC = 2  # the collection's Simplified Chinese face

source, divisions, out = sys.argv[1:4]

# GB 2312: its symbols and both levels of hanzi, then every character of the city's place names.
chars = {chr(c) for c in range(0x20, 0x7F)}
for hi in range(0xA1, 0xF8):
    if 0xAA <= hi <= 0xAF:
        continue
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
chars |= {c for c in open(divisions, encoding='utf-8').read() if ord(c) > 0x7F}
chars |= set('　、。，；：？！“”‘’（）《》〔〕【】—…·．－％０１２３４５６７８９□')

font = TTCollection(source).fonts[SC]
options = subset.Options()
options.layout_features = []
options.hinting = False
options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
options.notdef_outline = True
options.desubroutinize = True
subsetter = subset.Subsetter(options)
subsetter.populate(text=''.join(sorted(chars)))
subsetter.subset(font)

# CFF outlines become quadratic TrueType ones (2/1000 em at most off), so a PDF embeds them as
# FontFile2 and the server cuts a subset with a table copy (cjkFont.ts).
order = font.getGlyphOrder()
glyphs = font.getGlyphSet()
glyf = newTable('glyf')
glyf.glyphOrder = order
glyf.glyphs = {}
for name in order:
    pen = TTGlyphPen(glyphs)
    glyphs[name].draw(Cu2QuPen(pen, max_err=2.0, reverse_direction=True))
    glyf.glyphs[name] = pen.glyph()
font['glyf'] = glyf
font['loca'] = newTable('loca')
for tag in ('CFF ', 'VORG', 'DSIG', 'BASE', 'GDEF', 'GPOS', 'GSUB'):
    if tag in font:
        del font[tag]
maxp = font['maxp']
maxp.tableVersion = 0x00010000
for field in ('maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs', 'maxStackElements',
              'maxSizeOfInstructions', 'maxComponentElements'):
    setattr(maxp, field, 0)
maxp.maxZones = 1
font['head'].glyphDataFormat = 0
font['head'].indexToLocFormat = 1
font['post'].formatType = 3.0
font.sfntVersion = '\x00\x01\x00\x00'
font.save(out + '.tmp')
with open(out + '.tmp', 'rb') as f:
    data = f.read()
with open(out, 'wb') as f:
    f.write(brotli.compress(data, quality=11, lgwin=24))
