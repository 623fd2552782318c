namespace ComplaintFlow.CrashChild;

/// <summary>Whole lines to standard output, one write each, so a kill never leaves a line that looks complete but is not.</summary>
internal static class Output
{
    private static readonly Lock Gate = new();
    private static readonly Stream Stdout = Console.OpenStandardOutput();

    public static void Line(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text + "\n");
        lock (Gate)
        {
            Stdout.Write(bytes);
            Stdout.Flush();
        }
    }
}
