package org.vnextract.spark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.vnextract.extract.officials.OfficialRules;
import org.vnextract.ingest.IngestLimits;
import org.vnextract.internal.Validate;

/**
 * The Spark job: reads articles from any Hadoop-compatible path (local, {@code hdfs://},
 * {@code s3a://}, globs), runs the standard pipeline on the executors and writes one record per
 * article as JSON Lines (text part files) or Parquet. Input is JSON Lines (one article per line, as
 * {@code vnextract extract} reads them, gzipped or not; split by Spark) or web archives
 * ({@code .warc}/{@code .warc.gz}, one task per file). Records equal the CLI's for the same
 * article; the order of articles within the output is not kept across partitions.
 *
 * <pre>
 * spark-submit --class org.vnextract.spark.SparkExtract target/vnextract.jar \
 *     --input hdfs:///news/*.jsonl.gz --output hdfs:///news-records [--format parquet]
 * </pre>
 *
 * One pipeline per executor JVM, built once: see {@link PipelineFactory}. Spark is a
 * {@code provided} dependency: the cluster brings it, the vnextract jar does not carry it.
 *
 * <p>Not thread-safe: one driver thread runs one job.
 */
public final class SparkExtract {
    /** What to read and write. */
    public record Options(List<String> inputs, String output, String format, String inputFormat,
                          Set<String> extractors, IngestLimits limits, OfficialRules.NameSource officialsNames) {
        public Options {
            Validate.isTrue(!Validate.noNulls(inputs, "inputs").isEmpty(), "inputs", "needs at least one path");
            Validate.notEmpty(output, "output");
            Validate.isTrue(format.equals("jsonl") || format.equals("parquet"), "format", "must be jsonl or parquet");
            Validate.isTrue(inputFormat.equals("auto") || inputFormat.equals("jsonl") || inputFormat.equals("warc"),
                    "inputFormat", "must be auto, jsonl or warc");
            inputs = List.copyOf(inputs);
            extractors = Set.copyOf(Validate.noNulls(extractors, "extractors"));
            Validate.notNull(limits, "limits");
            Validate.notNull(officialsNames, "officialsNames");
        }

        /** Officials' names from the rules (the default). */
        public Options(List<String> inputs, String output, String format, String inputFormat,
                       Set<String> extractors, IngestLimits limits) {
            this(inputs, output, format, inputFormat, extractors, limits, OfficialRules.NameSource.RULES);
        }
    }

    /** Counts of a finished job. */
    public record Counts(long records, long rejected) {}

    private SparkExtract() {}

    public static void main(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("vnextract spark: " + e.getMessage());
            System.err.println("usage: SparkExtract --input PATH[,PATH…] --output DIR [--format jsonl|parquet]"
                    + " [--input-format auto|jsonl|warc] [--extractors a,b] [--max-bytes N]"
                    + " [--officials-names rules|model|both] [--lenient-utf8]");
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("vnextract").getOrCreate();
        try {
            Counts c = run(spark, o);
            System.err.printf("vnextract spark: %d records, %d rejected%n", c.records(), c.rejected());
        } finally {
            spark.stop();
        }
    }

    static Options parse(String[] args) {
        List<String> inputs = new ArrayList<>();
        String output = null;
        String format = "jsonl";
        String inputFormat = "auto";
        Set<String> extractors = new LinkedHashSet<>();
        long maxBytes = IngestLimits.DEFAULT_MAX_BYTES;
        OfficialRules.NameSource names = OfficialRules.NameSource.RULES;
        boolean lenientUtf8 = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--lenient-utf8")) {
                lenientUtf8 = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--input" -> inputs.addAll(List.of(v.split(",")));
                case "--output" -> output = v;
                case "--format" -> format = v.toLowerCase(Locale.ROOT);
                case "--input-format" -> inputFormat = v.toLowerCase(Locale.ROOT);
                case "--extractors" -> extractors.addAll(List.of(v.split(",")));
                case "--max-bytes" -> maxBytes = Long.parseLong(v);
                case "--officials-names" -> names = nameSource(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (inputs.isEmpty() || output == null) {
            throw new IllegalArgumentException("--input and --output are required");
        }
        return new Options(inputs, output, format, inputFormat, extractors,
                IngestLimits.defaults().withMaxBytes(maxBytes).withLenientUtf8(lenientUtf8), names);
    }

    private static OfficialRules.NameSource nameSource(String v) {
        try {
            return OfficialRules.NameSource.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--officials-names must be rules, model or both, not '" + v + "'");
        }
    }

    /** The records as JSON lines, computed lazily by Spark. */
    public static Dataset<String> records(SparkSession spark, Options o, LongAccumulator records, LongAccumulator rejected) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<PipelineFactory> factory = jsc.broadcast(new PipelineFactory(o.extractors(), o.limits(), o.officialsNames()));
        boolean warc = o.inputFormat().equals("warc") || (o.inputFormat().equals("auto")
                && o.inputs().stream().allMatch(p -> p.toLowerCase(Locale.ROOT).matches(".*\\.warc(\\.gz)?")));
        if (warc) {
            return spark.createDataset(jsc.binaryFiles(String.join(",", o.inputs()))
                    .flatMap(new WarcExtractor(factory, records, rejected)).rdd(), Encoders.STRING());
        }
        // lines as Hadoop reads them, raw bytes (Text), not Spark's text source, which would decode
        // them with U+FFFD silently: each line is decoded by the same reader as the CLI's, so a bad
        // byte is rejected, or replaced with a warning under --lenient-utf8, exactly as there
        JavaRDD<byte[]> lines = jsc.hadoopFile(String.join(",", o.inputs()), TextInputFormat.class,
                LongWritable.class, Text.class).map(kv -> kv._2().copyBytes());
        return spark.createDataset(lines.mapPartitions(new PartitionExtractor(factory, records, rejected)).rdd(),
                Encoders.STRING());
    }

    /** Runs the job: reads, extracts, writes (replacing {@code o.output()}). */
    public static Counts run(SparkSession spark, Options o) {
        LongAccumulator records = spark.sparkContext().longAccumulator("vnextract records");
        LongAccumulator rejected = spark.sparkContext().longAccumulator("vnextract rejected");
        Dataset<String> lines = records(spark, o, records, rejected);
        if (o.format().equals("jsonl")) {
            lines.write().mode(SaveMode.Overwrite).text(o.output());
        } else {
            // Parquet needs a schema; Spark infers it from the records, which are kept (spilling to
            // disk) so that the pipeline runs once, not once for inference and again for writing
            lines.persist(StorageLevel.MEMORY_AND_DISK());
            try {
                spark.read().json(lines).write().mode(SaveMode.Overwrite).parquet(o.output());
            } finally {
                lines.unpersist();
            }
        }
        return new Counts(records.value(), rejected.value());
    }
}
