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

    /// <summary>The <c>dotnet</c> executable that runs the tests, or the one on the path.</summary>
    public static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
