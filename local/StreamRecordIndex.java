// Adds the index DynamoDB Local's SQLite file lacks: every write to a table with a stream looks up its stream's
// oldest record (SELECT MIN(SequenceNumber) FROM us WHERE StreamID = ?), and without an index that scans every
// stream record of every table, so writes slow down in proportion to all the writes before them (local/dynamo.ts).
// StreamID alone, not (StreamID, SequenceNumber): SequenceNumber is the rowid, which the index carries anyway, and
// SQLite 3.8.7 (the jar's) then still reads GetRecords by `StreamID = ? AND rowid > ?`; with the sequence number as
// a second column it scans the whole stream for every poll instead.
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
    } finally {
      db.dispose();
    }
  }
}
