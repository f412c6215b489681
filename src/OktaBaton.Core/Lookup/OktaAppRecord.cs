using System;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Lookup;

/// <summary>An app instance as Okta has it now.</summary>
public sealed class OktaAppRecord
{
    internal OktaAppRecord(OktaApp app)
    {
        Id = app.Id;
        Label = app.Label ?? app.Name ?? app.Id;
        Name = app.Name;
        Status = app.Status;
        SignOnMode = app.SignOnMode;
        Created = app.Created;
        LastUpdated = app.LastUpdated;
    }

    public string Id { get; }

    public string Label { get; }

    /// <summary>The app's key in Okta's catalogue (salesforce, bookmark, …).</summary>
    public string? Name { get; }

    /// <summary>ACTIVE or INACTIVE.</summary>
    public string? Status { get; }

    public string? SignOnMode { get; }

    public DateTimeOffset? Created { get; }

    public DateTimeOffset? LastUpdated { get; }

    public override string ToString() => $"{Label} ({Id})";
}
