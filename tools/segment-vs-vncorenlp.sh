#!/usr/bin/env bash
# Issue 14, item 15: `vnextract segment` against VnCoreNLP's tokenizer + word segmenter, whole
# process (JVM start, model load, reading, writing), on one file of the first 3,000 baomoi bulk
# articles, one article per line. VnCoreNLP is built from its public source in a scratch folder
# that is deleted at the end (nothing of it is committed): its tokenizer and wordsegmenter
# packages only, with a stub for the log4j Logger they call and a driver that does what
# VnCoreNLP's pipeline does per line (Tokenizer.tokenize, joinSentences, segmentTokenizedString).
# Both read the same model files (models/vncorenlp/wordsegmenter). Runs are interleaved; prints
# each run and the medians of wall time and of user+sys CPU time.
#   tools/segment-vs-vncorenlp.sh [RUNS]      (VNCORENLP_GIT=URL, or VNCORENLP_DIR=a checkout; SHARED=../shared)
set -eu
RUNS=${1:-5}
J=$(pwd)/target/vnextract.jar
V=$(pwd)/vnextract # the launcher users run: it picks the JVM flags for segment
SHARED=${SHARED:-../shared}
SRC=${VNCORENLP_GIT:-https://github.com/vncorenlp/VnCoreNLP}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if [ -n "${VNCORENLP_DIR:-}" ]; then mkdir -p "$T/vnc" && cp -r "$VNCORENLP_DIR/src" "$T/vnc/"; else git clone -q --depth 1 "$SRC" "$T/vnc"; fi
mkdir -p "$T/src/org/apache/log4j" "$T/src/vn/pipeline" "$T/home/models/wordsegmenter" "$T/classes"
mkdir -p "$T/src/vn/corenlp" && cp -r "$T/vnc/src/main/java/vn/corenlp/tokenizer" "$T/vnc/src/main/java/vn/corenlp/wordsegmenter" "$T/src/vn/corenlp/"
cp models/vncorenlp/wordsegmenter/vi-vocab models/vncorenlp/wordsegmenter/wordsegmenter.rdr "$T/home/models/wordsegmenter/"
cat >"$T/src/org/apache/log4j/Logger.java" <<'EOF'
package org.apache.log4j;
public class Logger {
    public static Logger getLogger(Class<?> c) { return new Logger(); }
    public void info(Object o) { System.err.println(o); }
    public void error(Object o) { System.err.println(o); }
    public void warn(Object o) { System.err.println(o); }
    public void debug(Object o) {}
}
EOF
cat >"$T/src/vn/pipeline/Utils.java" <<'EOF'
package vn.pipeline;
public class Utils { public static String jarDir = System.getProperty("vnc.dir", "."); }
EOF
cat >"$T/src/Run.java" <<'EOF'
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.corenlp.tokenizer.Tokenizer;
import vn.corenlp.wordsegmenter.WordSegmenter;
public class Run {
    public static void main(String[] a) throws Exception {
        WordSegmenter ws = WordSegmenter.initialize();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(a[0]), StandardCharsets.UTF_8), 1 << 16);
             PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16))) {
            String line;
            while ((line = in.readLine()) != null) {
                StringBuilder sb = new StringBuilder();
                for (String s : Tokenizer.joinSentences(Tokenizer.tokenize(line))) {
                    if (sb.length() > 0) sb.append(' ');
                    sb.append(ws.segmentTokenizedString(s));
                }
                out.println(sb);
            }
        }
    }
}
EOF
javac -nowarn -encoding UTF-8 -d "$T/classes" $(find "$T/src" -name '*.java') 2>&1 | grep -v '^Note' || true
python3 - "$SHARED/corpus/bulk/baomoi.jsonl.gz" "$T/bulk3000.txt" <<'EOF'
import gzip, json, sys
with gzip.open(sys.argv[1], 'rt', encoding='utf-8') as f, open(sys.argv[2], 'w', encoding='utf-8') as o:
    for i, line in enumerate(f):
        if i == 3000: break
        d = json.loads(line)
        o.write(' '.join((d.get('body') or d.get('text') or '').split('\n')) + '\n')
EOF
WORDS=$(wc -w <"$T/bulk3000.txt")
echo "input: 3,000 baomoi articles, $(wc -l <"$T/bulk3000.txt") lines, $WORDS whitespace tokens"
for r in $(seq "$RUNS"); do
  /usr/bin/time -f "vncorenlp %e %U %S" -a -o "$T/times" java -Xmx2g -cp "$T/classes" -Dvnc.dir="$T/home" Run "$T/bulk3000.txt" >"$T/vnc.out" 2>/dev/null
  /usr/bin/time -f "vnextract %e %U %S" -a -o "$T/times" env VNEXTRACT_JAVA_OPTS=-Xmx2g "$V" segment "$T/bulk3000.txt" >"$T/vx.out" 2>/dev/null
done
cat "$T/times"
python3 - "$T/times" "$WORDS" <<'EOF'
import statistics, sys
runs = {}
for l in open(sys.argv[1]):
    k, w, u, s = l.split()
    runs.setdefault(k, []).append((float(w), float(u) + float(s)))
words = int(sys.argv[2])
m = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in runs.items()}
for k, (w, c) in m.items():
    print(f"{k}: median wall {w:.2f} s ({words / w / 1000:.0f} k tokens/s), median CPU {c:.2f} s")
print(f"vnextract / VnCoreNLP: {m['vncorenlp'][0] / m['vnextract'][0]:.2f}x wall, {m['vncorenlp'][1] / m['vnextract'][1]:.2f}x CPU")
EOF
