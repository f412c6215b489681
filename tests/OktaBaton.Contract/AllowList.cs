using System.Reflection;
using System.Text.Json;

namespace OktaBaton.Contract;

/// <summary>
/// spec/allow-list.json: where Okta's spec is wrong and real Okta (so the simulator) answers otherwise. Every
/// entry says why and cites where Okta's real behaviour is documented; it matches violations by kind and, when
/// given, operation, status, schema, property and where in the body.
/// </summary>
public sealed class AllowList
{
    private static readonly Lazy<AllowList> Loaded = new(Load);
    private readonly List<Entry> _entries;

    private AllowList(List<Entry> entries) => _entries = entries;

    public static AllowList Okta => Loaded.Value;

    public IReadOnlyList<Entry> Entries => _entries;

    public bool Allows(Violation violation) => _entries.Any(e => e.Matches(violation));

    public static AllowList Parse(string json)
    {
        var entries = JsonSerializer.Deserialize<List<Entry>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException("The allow-list is empty.");
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Kind) || string.IsNullOrWhiteSpace(entry.Why) || string.IsNullOrWhiteSpace(entry.Source))
            {
                throw new InvalidDataException($"Every allow-list entry needs a kind, why and source: {JsonSerializer.Serialize(entry)}");
            }
        }
        return new AllowList(entries);
    }

    private static AllowList Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("OktaBaton.Contract.spec.allow-list.json")
            ?? throw new InvalidOperationException("The contract's spec/allow-list.json is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public sealed record Entry
    {
        public string Kind { get; init; } = string.Empty;
        public string? Operation { get; init; }
        public int? Status { get; init; }
        public string? Schema { get; init; }
        public string? Property { get; init; }
        /// <summary>Where in the body the violation may be: a prefix of its location, e.g. "$[*]._embedded.user.".</summary>
        public string? At { get; init; }
        public string Why { get; init; } = string.Empty;
        public string Source { get; init; } = string.Empty;

        public bool Matches(Violation violation) =>
            Kind == violation.Kind
            && (Operation is null || Operation == violation.Operation)
            && (Status is null || Status == violation.Status)
            && (Schema is null || Schema == violation.Schema)
            && (Property is null || Property == violation.Property)
            && (At is null || violation.Location.StartsWith(At, StringComparison.Ordinal));
    }
}
