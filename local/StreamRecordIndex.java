// Adds the indexes DynamoDB Local's SQLite file lacks on its stream records (table `us`, keyed by SequenceNumber):
// every write to a table with a stream looks up its stream's oldest record (MIN(SequenceNumber) WHERE StreamID = ?),
// and reading a stream looks up its shard's first record (WHERE ShardID = ? ORDER BY SequenceNumber LIMIT 1).
// Without an index each scans, in sequence order, the stream records of every table created before, so a long-lived
// DynamoDB Local (a test worker, the local server) gets slower with every write it has taken (local/dynamo.ts).
// One column each: SequenceNumber is the rowid, which every index carries, so SQLite 3.8.7 (the jar's) still reads
// GetRecords as `ShardID = ? AND rowid > ?`; with SequenceNumber as a second column it scanned the whole stream.
// Run with DynamoDB Local's own sqlite4java on the class path: java -cp …/sqlite4java.jar StreamRecordIndex.java <db>
import com.almworks.sqlite4java.SQLiteConnection;
import java.io.File;

public class StreamRecordIndex {
  public static void main(String[] args) throws Exception {
    SQLiteConnection db = new SQLiteConnection(new File(args[0]));
    db.open(false);
    try {
      // DynamoDB Local holds the same file open; wait out its writes rather than fail.
      db.setBusyTimeout(30_000);
      db.exec("CREATE INDEX IF NOT EXISTS wastechain_stream_records ON us (StreamID)");
      db.exec("CREATE INDEX IF NOT EXISTS wastechain_shard_records ON us (ShardID)");
    } finally {
      db.dispose();
    }
  }
}
