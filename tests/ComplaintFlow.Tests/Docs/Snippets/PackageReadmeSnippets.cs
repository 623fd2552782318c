// The C# block of docs/package-readme.md (the packages' README on nuget.org), compiled. DocsCodeBlockTests checks
// that every line of it appears here, in order; change the two together.
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Docs.Snippets;

internal static class PackageReadmeSnippets
{
    public static async Task<ComplaintCase> RunAsync(IServiceCollection services)
    {
        services.AddComplaintFlow().UseSqlite("Data Source=complaints.db");
        await using var provider = services.BuildServiceProvider();
        var desk = provider.GetRequiredService<IComplaintDesk>();
        var complaint = await desk.OpenAsync(new OpenComplaint
        {
            CustomerRef = "cust-1042",
            Summary = "Parcel arrived two weeks late",
            Channel = Channel.Email,
            Actor = new Actor("a-17", "Sam Taylor", "agent"),
        });
        return complaint;
    }
}
