using System;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Lookup;

/// <summary>A user as Okta has it now: flat and CSV-ready; <see cref="Id"/> and <see cref="Login"/> bind to the user cmdlets.</summary>
public sealed class OktaUserRecord
{
    internal OktaUserRecord(OktaUser user)
    {
        Id = user.Id;
        Login = user.Profile.Login ?? string.Empty;
        Status = user.Status;
        FirstName = user.Profile.FirstName;
        LastName = user.Profile.LastName;
        DisplayName = DisplayNameOf(user);
        Email = user.Profile.Email;
        Created = user.Created;
        Activated = user.Activated;
        StatusChanged = user.StatusChanged;
        LastLogin = user.LastLogin;
        LastUpdated = user.LastUpdated;
        PasswordChanged = user.PasswordChanged;
        Profile = ProfileValues.From(user.Profile);
    }

    public string Id { get; }

    public string Login { get; }

    /// <summary>ACTIVE, DEPROVISIONED, LOCKED_OUT, PASSWORD_EXPIRED, PROVISIONED, RECOVERY, STAGED or SUSPENDED.</summary>
    public string? Status { get; }

    public string? FirstName { get; }

    public string? LastName { get; }

    public string DisplayName { get; }

    public string? Email { get; }

    public DateTimeOffset? Created { get; }

    public DateTimeOffset? Activated { get; }

    public DateTimeOffset? StatusChanged { get; }

    public DateTimeOffset? LastLogin { get; }

    public DateTimeOffset? LastUpdated { get; }

    public DateTimeOffset? PasswordChanged { get; }

    /// <summary>Every profile attribute, custom ones included (<c>$u.Profile.department</c>); one JSON line in CSV.</summary>
    public ProfileValues Profile { get; }

    public override string ToString() => $"{Login} ({Id}, {Status})";

    /// <summary>The profile's displayName, or first and last name.</summary>
    internal static string DisplayNameOf(OktaUser user) =>
        user.Profile.DisplayName ?? string.Join(" ", new[] { user.Profile.FirstName, user.Profile.LastName }).Trim();
}
