using Microsoft.Data.Sqlite;

namespace ComplaintFlow.Sqlite;

/// <summary>
/// Turns SQLite's errors into the library's one store error, with a cause that says what to check and whether a retry
/// may help. Constraint violations the store expects (a taken id or key) never come here.
/// </summary>
internal static class SqliteFailures
{
    public const string Store = "SQLite";

    private const int Busy = 5;
    private const int Locked = 6;
    private const int NoMemory = 7;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CannotOpen = 14;
    private const int Protocol = 15;
    private const int NotADatabase = 26;

    public static ComplaintStoreException Translate(SqliteException exception, string file)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (cause, transient) = exception.SqliteErrorCode switch
        {
            Busy or Locked => ($"the database '{file}' is locked by another connection or process, and stayed locked past the busy timeout ('Default Timeout' in the connection string). Retry later.", true),
            Full => ($"the disk holding '{file}' is full, or the database reached its size limit. Free some space and retry.", true),
            IoError => ($"an input/output error occurred on '{file}' ({exception.Message}). Check the disk and retry.", true),
            Protocol => ($"another connection raced this one for '{file}''s write-ahead-log lock. Retry.", true),
            NoMemory => ($"SQLite ran out of memory working on '{file}'. Retry, and check the process's memory.", true),
            NotADatabase => ($"'{file}' is not a SQLite database: the file is damaged or is some other kind of file. Restore it from a backup, or point the connection string at another file.", false),
            Corrupt => ($"'{file}' is not a SQLite database that can be used: the file is damaged (SQLite reports a malformed database image). Restore it from a backup.", false),
            CannotOpen => ($"'{file}' cannot be opened. Check that its folder exists and that the app may write to it.", false),
            ReadOnly => ($"'{file}' is read-only for this app. Check the file's permissions.", false),
            _ => ($"SQLite reported error {exception.SqliteErrorCode} on '{file}': {exception.Message}", false),
        };
        return new ComplaintStoreException(Store, cause, transient, exception);
    }
}
