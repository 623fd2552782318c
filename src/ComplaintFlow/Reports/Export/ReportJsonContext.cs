using System.Text.Json.Serialization;

namespace ComplaintFlow.Reports.Export;

/// <summary>Source-generated JSON for the report types, in the same style as the stored documents.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(ComplaintSummary))]
[JsonSerializable(typeof(FcaReturn))]
[JsonSerializable(typeof(IReadOnlyList<AsicIdrRow>))]
[JsonSerializable(typeof(CfpbSummary))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
