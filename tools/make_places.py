#!/usr/bin/env python3
"""Writes models/officials/places.tsv from ../shared/data/admin-units (GPL-3.0 / MIT, see
../shared/data/SOURCES.md): every province, district and commune name without its type prefix,
with its kind and level (1 province, 2 district, 3 commune). The officials rules read it to tell place names from personal names.
usage: python3 tools/make_places.py ../shared/data/admin-units > models/officials/places.tsv"""
import csv, sys, os, unicodedata
KINDS = [('Thành phố Trung ương', 'thành phố'), ('Thành phố', 'thành phố'), ('Tỉnh', 'tỉnh'), ('Quận', 'quận'),
         ('Huyện', 'huyện'), ('Thị xã', 'thị xã'), ('Phường', 'phường'), ('Xã', 'xã'), ('Thị trấn', 'thị trấn'),
         ('Đặc khu', 'đặc khu')]
d = sys.argv[1]
seen = {}
for fn in ['admin-units-pre-2025-07.csv', 'admin-units-2025-07-01.csv']:
    for r in csv.DictReader(open(os.path.join(d, fn), encoding='utf-8')):
        name = unicodedata.normalize('NFC', r['name'])
        kind = None
        for p, k in KINDS:
            if name.startswith(p + ' '):
                name, kind = name[len(p) + 1:], k
                break
        if kind is None or not name or name[0].isdigit():
            continue
        level = int(r['level'])
        if fn.startswith('admin-units-2025') and level == 2:
            level = 3  # the two-level system of 2025: its second level is the commune
        if name not in seen or seen[name][1] > level:
            seen[name] = (kind, level)
print('# Vietnamese administrative units (name without type prefix, kind, level 1-3), derived by')
print('# tools/make_places.py from ../shared/data/admin-units (dvhcvn, GPL-3.0 / MIT). Do not edit by hand.')
for name in sorted(seen):
    print(f'{name}\t{seen[name][0]}\t{seen[name][1]}')
