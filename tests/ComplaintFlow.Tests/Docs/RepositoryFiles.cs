namespace ComplaintFlow.Tests.Docs;

/// <summary>Finds files of this repository from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplaintFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ComplaintFlow.sln above {AppContext.BaseDirectory}.");
    }
}
