#!/usr/bin/env bash
# The must-show checks of issue 14 ("Nothing lost, nothing silent") against the built jar, each
# as a user would run it. Prints one PASS/FAIL line per check, with its figures; exits 1 if any
# check failed. Needs target/vnextract.jar (./mvnw -o package), and ../shared for the bulk check.
#   tools/issue14-checks.sh [JAR]
set -u
J=${1:-target/vnextract.jar}
SHARED=${SHARED:-../shared}
T=$(mktemp -d)
trap 'kill $SERVE_PID 2>/dev/null; rm -rf "$T"' EXIT
SERVE_PID=
fails=0
ok() { echo "PASS $*"; }
ko() { echo "FAIL $*"; fails=$((fails + 1)); }
nostack() { ! grep -q -e $'\tat ' -e 'Exception' "$1"; }

# 1. every article of both bulk corpora gives a record, exit 0, in -Xmx512m
if [ -d "$SHARED/corpus/bulk" ]; then
  for f in "$SHARED"/corpus/bulk/*.jsonl.gz; do
    n=$(zcat "$f" | grep -c .)
    s=$(date +%s.%N)
    java -Xmx512m -jar "$J" extract -q "$f" -o "$T/bulk.jsonl" 2>"$T/bulk.err"; rc=$?
    e=$(date +%s.%N)
    r=$(wc -l <"$T/bulk.jsonl")
    if [ "$rc" = 0 ] && [ "$r" = "$n" ] && [ ! -s "$T/bulk.err" ]; then
      ok "bulk $(basename "$f"): $r records of $n articles, exit 0, -Xmx512m, $(echo "$e - $s" | bc) s"
    else
      ko "bulk $(basename "$f"): $r records of $n articles, exit $rc: $(head -3 "$T/bulk.err")"
    fi
  done
else
  echo "SKIP bulk corpora: $SHARED/corpus/bulk is absent"
fi

# 2. the "TS." text
printf 'Ông là TS.' >"$T/t.txt"
java -jar "$J" extract -q "$T/t.txt" >"$T/t.out" 2>"$T/t.err"; rc=$?
[ "$rc" = 0 ] && [ "$(wc -l <"$T/t.out")" = 1 ] && nostack "$T/t.err" \
  && ok "'Ông là TS.': one record, exit 0" || ko "'Ông là TS.': exit $rc, $(wc -l <"$T/t.out") records"

# 3. a directory with two link loops: each record once, bounded time
mkdir -p "$T/d/sub"
printf 'Sáng 20-7, Đảng ủy họp. Ông là TS.' >"$T/d/a.txt"
printf 'Chiều 21-7, Tỉnh ủy họp.' >"$T/d/sub/b.txt"
ln -s . "$T/d/l1"; ln -s . "$T/d/l2"; ln -s .. "$T/d/sub/up"
timeout 120 java -jar "$J" extract -q "$T/d" >"$T/d.out" 2>"$T/d.err"; rc=$?
[ "$rc" = 0 ] && [ "$(wc -l <"$T/d.out")" = 2 ] \
  && ok "two link loops: 2 records for 2 files, exit 0" || ko "two link loops: exit $rc, $(wc -l <"$T/d.out") records for 2 files"

# 4. a JSON Lines file with one bad byte: every good line kept, the bad one named with its line
for i in 1 2 3 4 5 6 7 8 9 10; do
  if [ $i = 5 ]; then printf '{"id":"l%s","text":"Ngày %s-7, Đảng ủy họp.\xff"}\n' $i $i; else printf '{"id":"l%s","text":"Ngày %s-7, Đảng ủy họp."}\n' $i $i; fi
done >"$T/b.jsonl"
java -jar "$J" extract -q "$T/b.jsonl" >"$T/b.out" 2>"$T/b.err"; rc=$?
[ "$rc" = 3 ] && [ "$(wc -l <"$T/b.out")" = 9 ] && grep -q 'b.jsonl:5: invalid UTF-8' "$T/b.err" && [ "$(wc -l <"$T/b.err")" = 1 ] \
  && ok "bad byte on line 5 of 10: 9 records, one line '$(cat "$T/b.err")', exit 3" || ko "bad byte: exit $rc, $(wc -l <"$T/b.out") records, $(cat "$T/b.err")"
java -jar "$J" extract -q --lenient-utf8 "$T/b.jsonl" >"$T/b2.out" 2>"$T/b2.err"; rc=$?
[ "$rc" = 0 ] && [ "$(wc -l <"$T/b2.out")" = 10 ] && ok "--lenient-utf8: 10 records, exit 0" || ko "--lenient-utf8: exit $rc, $(wc -l <"$T/b2.out") records"

# 5. standard output to /dev/full: non-zero exit, one line
java -jar "$J" extract -q "$T/t.txt" >/dev/full 2>"$T/f.err"; rc=$?
[ "$rc" = 1 ] && [ "$(wc -l <"$T/f.err")" = 1 ] && nostack "$T/f.err" \
  && ok "stdout to /dev/full: exit 1, '$(cat "$T/f.err")'" || ko "stdout to /dev/full: exit $rc, $(cat "$T/f.err")"

# 6. a non-ASCII path under LC_ALL=C: no stack trace, the other input read
printf 'Sáng 20-7, Đảng ủy họp.' >"$T/góc.txt"
LC_ALL=C LANG=C java -jar "$J" extract -q "$T/góc.txt" "$T/t.txt" >"$T/c.out" 2>"$T/c.err"; rc=$?
[ "$rc" = 3 ] && [ "$(wc -l <"$T/c.out")" = 1 ] && [ "$(wc -l <"$T/c.err")" = 1 ] && nostack "$T/c.err" \
  && ok "non-ASCII path under LC_ALL=C: exit 3, the other file's record, one line" || ko "LC_ALL=C: exit $rc, $(cat "$T/c.err")"

# 7 and 8. the web: template text in a query, 40 slow clients
java -jar "$J" load -q --db "$T/v.db" 2>/dev/null
PORT=$((20000 + RANDOM % 20000))
java -jar "$J" serve --db "$T/v.db" --port $PORT >"$T/serve.out" 2>&1 &
SERVE_PID=$!
for _ in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done
curl -s "http://127.0.0.1:$PORT/search?q=%7B%7Bbody%7D%7D" >"$T/q.html"
grep -q '<title>{{body}}' "$T/q.html" && [ "$(grep -c '<main>' "$T/q.html")" = 1 ] \
  && ok "/search?q={{body}}: printed as written, one <main>" || ko "/search?q={{body}}: expanded"
python3 - "$PORT" <<'EOF' && ok "40 slow clients: normal requests answered within 2 s" || ko "40 slow clients"
import socket, sys, time, urllib.request
port = int(sys.argv[1])
slow = []
for _ in range(40):
    s = socket.create_connection(("127.0.0.1", port)); s.send(b"G"); slow.append(s)
worst = 0
for k in range(5):
    for s in slow:
        try: s.send(b"E")
        except OSError: pass
    t = time.time()
    urllib.request.urlopen(f"http://127.0.0.1:{port}/api/officials?q=a", timeout=10).read()
    worst = max(worst, time.time() - t)
    time.sleep(0.5)
print(f"  worst of 5 requests with 40 slow clients: {worst:.3f} s")
sys.exit(0 if worst < 2 else 1)
EOF

echo "$fails failed"
[ "$fails" = 0 ]
