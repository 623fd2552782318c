namespace ComplaintFlow.Stores.Tests;

/// <summary>Finds a program of this repository built beside the tests, in the same configuration, to run as a child process.</summary>
internal static class BuiltProgram
{
    /// <param name="projectFolder">The project's folder relative to the repository root, such as <c>tests/ComplaintFlow.CrashChild</c>.</param>
    public static string PathOf(string projectFolder)
    {
        // The tests run from tests/<project>/bin/<configuration>/<framework>/.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var root = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, projectFolder, "bin", configuration, output.Name, Path.GetFileName(projectFolder) + ".dll");
        File.Exists(path).Should().BeTrue("{0} is built with the tests (see the test project's references)", path);
        return path;
    }

    /// <summary>How to run the program with redirected output and these arguments, under the tests' own <c>dotnet</c>.</summary>
    public static System.Diagnostics.ProcessStartInfo StartInfo(string projectFolder, IEnumerable<string> arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(PathOf(projectFolder));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
