using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// Profile updates with Okta's partial-update POST /users/{id}: only the attributes that differ from the user's
/// current profile are sent, so attributes left out stay, and nothing is sent when nothing would change
/// (Unchanged). Okta's refusal of an attribute (not in the profile schema, a duplicate login, a blank required one)
/// becomes OktaProfileRejected naming it.
/// </summary>
public sealed class UserProfiles
{
    private readonly OktaDirectory _directory;

    public UserProfiles(OktaClient client)
    {
        _directory = new OktaDirectory(client);
    }

    public async Task<UserChange?> UpdateAsync(ProfileUpdateRequest request, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var wanted = Validate(request ?? throw new ArgumentNullException(nameof(request)));
        var user = await _directory.GetUserAsync(request.User, ct).ConfigureAwait(false);
        var before = UserLifecycle.StatusOf(user);
        var changes = Differences(Current(user), wanted);
        if (changes.Count == 0)
        {
            return UserLifecycle.Result("Update", ProvisioningOutcome.Unchanged, user, before);
        }

        var names = changes.Keys.ToArray();
        if (!await confirm.AllowsAsync(OktaDirectory.Describe(user), "Update the profile: " + string.Join(", ", names)).ConfigureAwait(false))
        {
            return null;
        }

        var path = "/api/v1/users/" + OktaDirectory.Escape(user.Id);
        OktaUser updated;
        try
        {
            updated = await WriteSafety.WriteOnceAsync(
                () => _directory.Client.SendAsync<OktaUser>(HttpMethod.Post, path, new Dictionary<string, object> { ["profile"] = changes }, ct),
                async () =>
                {
                    var now = await _directory.GetUserAsync(user.Id, ct).ConfigureAwait(false);
                    return Differences(Current(now), changes).Count == 0 ? now : null;
                },
                ct).ConfigureAwait(false);
        }
        catch (OktaApiException rejected) when (rejected.IsValidationError)
        {
            throw new OktaOperationException("OktaProfileRejected", OktaFailureKind.InvalidArgument,
                $"Okta rejected the profile update of {OktaDirectory.Describe(user)}: {Causes(rejected)}. Nothing was changed.", rejected);
        }
        catch (OktaApiException gone) when (gone.IsNotFound && before == UserStatuses.Deprovisioned)
        {
            throw new OktaOperationException("OktaInvalidUserStatus", OktaFailureKind.InvalidOperation,
                $"{OktaDirectory.Describe(user)} is DEPROVISIONED: Okta updates a deactivated user's profile only when the org turns on editing deactivated users' profiles.", gone);
        }

        var result = UserLifecycle.Result("Update", ProvisioningOutcome.Updated, updated, before);
        result.Changed = names;
        return result;
    }

    /// <summary>The wanted values as JSON (null to clear); refuses values Okta profiles cannot hold before anything is sent.</summary>
    private static Dictionary<string, JsonElement> Validate(ProfileUpdateRequest request)
    {
        var wanted = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var cleared = new HashSet<string>(request.Clear.Select(OktaProfileAttributes.Canonical), StringComparer.Ordinal);
        foreach (var pair in request.Set)
        {
            if (string.IsNullOrWhiteSpace(pair.Key))
            {
                throw Invalid("An attribute name is empty.");
            }

            var name = OktaProfileAttributes.Canonical(pair.Key);
            if (cleared.Contains(name))
            {
                throw Invalid($"'{name}' is both set and cleared.");
            }

            if (wanted.ContainsKey(name))
            {
                throw Invalid($"'{name}' is given twice.");
            }

            wanted[name] = ToJson(name, pair.Value);
        }

        foreach (var name in cleared)
        {
            if (name is "login" or "email" or "firstName" or "lastName")
            {
                throw Invalid($"'{name}' is required by Okta and cannot be cleared.");
            }

            wanted[name] = JsonSerializer.SerializeToElement<object?>(null);
        }

        if (wanted.Count == 0)
        {
            throw Invalid("Give at least one attribute to set or clear.");
        }

        return wanted;
    }

    /// <summary>Okta profile attributes hold strings, numbers, booleans, or arrays of those (a custom array attribute).</summary>
    private static JsonElement ToJson(string name, object? value)
    {
        switch (value)
        {
            case null:
                throw Invalid($"'{name}' has no value; clear it instead.");
            case string or bool or int or long or double or decimal or float or short or byte:
                return JsonSerializer.SerializeToElement(value, value.GetType());
            case DateTime or DateTimeOffset:
                throw Invalid($"'{name}' is a date: give it as text in the format the attribute expects (for example '2027-01-31').");
            case IEnumerable items when value is not IDictionary:
                var list = new List<object>();
                foreach (var item in items)
                {
                    if (item is not (string or bool or int or long or double or decimal))
                    {
                        throw Invalid($"'{name}' is a list with a {item?.GetType().Name ?? "null"} in it; Okta array attributes hold strings, numbers or booleans.");
                    }

                    list.Add(item);
                }

                return JsonSerializer.SerializeToElement(list);
            default:
                throw Invalid($"'{name}' is a {value.GetType().Name}; Okta profile attributes hold text, numbers, booleans or lists of them.");
        }
    }

    /// <summary>The user's profile as JSON properties: the typed base attributes and every other one.</summary>
    private static Dictionary<string, JsonElement> Current(OktaUser user)
    {
        var profile = JsonSerializer.SerializeToElement(user.Profile, OktaJson.Options);
        var current = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in profile.EnumerateObject())
        {
            current[property.Name] = property.Value;
        }

        return current;
    }

    /// <summary>The wanted attributes whose value differs from the current one (a missing attribute counts as null).</summary>
    private static Dictionary<string, JsonElement> Differences(Dictionary<string, JsonElement> current, Dictionary<string, JsonElement> wanted)
    {
        var changes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var pair in wanted)
        {
            var now = current.TryGetValue(pair.Key, out var value) ? value.GetRawText() : "null";
            if (!string.Equals(now, pair.Value.GetRawText(), StringComparison.Ordinal))
            {
                changes[pair.Key] = pair.Value;
            }
        }

        return changes;
    }

    private static string Causes(OktaApiException rejected) =>
        rejected.ErrorCauses.Count > 0 ? string.Join("; ", rejected.ErrorCauses) : rejected.ErrorSummary ?? rejected.Message;

    private static OktaOperationException Invalid(string message) => new("OktaInvalidArgument", OktaFailureKind.InvalidArgument, message);
}
