using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// Creates accounts. A login that exists already is reported as AlreadyExists and left untouched; a POST
/// whose answer was lost is never sent twice.
/// </summary>
public sealed class AccountProvisioner
{
    private static readonly string[] NamedAttributes = { "login", "email", "firstName", "lastName" };

    private readonly OktaDirectory _directory;

    public AccountProvisioner(OktaClient client)
    {
        _directory = new OktaDirectory(client);
    }

    public async Task<UserChange?> CreateAsync(NewUserRequest request, ChangeConfirmation? confirm, CancellationToken ct)
    {
        Validate(request ?? throw new ArgumentNullException(nameof(request)));
        var login = string.IsNullOrWhiteSpace(request.Login) ? request.Email.Trim() : request.Login!.Trim();
        var existing = await _directory.FindUserAsync(login, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return Result(ProvisioningOutcome.AlreadyExists, existing, existing.Status);
        }

        var target = "user " + PrincipalReference.Quote(login);
        if (!await confirm.AllowsAsync(target, Describe(request)).ConfigureAwait(false))
        {
            return null;
        }

        var federated = IsFederated(request);
        var activateNow = request.Activate && (request.Password is not null || request.GeneratePassword || request.SendActivationEmail);
        var query = "?activate=" + (activateNow ? "true" : "false");
        if (federated)
        {
            query += "&provider=true";
        }

        if (activateNow && request.ChangePasswordAtFirstLogin)
        {
            query += "&nextLogin=changePassword";
        }

        OktaUser created;
        try
        {
            created = await WriteSafety.WriteOnceAsync(
                () => _directory.Client.SendAsync<OktaUser>(HttpMethod.Post, "/api/v1/users" + query, BuildBody(request, login, federated), ct),
                () => _directory.FindUserAsync(login, ct),
                ct).ConfigureAwait(false);
        }
        catch (OktaApiException duplicate) when (IsDuplicateLogin(duplicate))
        {
            var other = await _directory.FindUserAsync(login, ct).ConfigureAwait(false);
            if (other is null)
            {
                throw;
            }

            return Result(ProvisioningOutcome.AlreadyExists, other, other.Status);
        }
        catch (OktaApiException rejected) when (rejected.IsValidationError)
        {
            throw new OktaOperationException("OktaProfileRejected", OktaFailureKind.InvalidArgument,
                $"Okta rejected the new user {PrincipalReference.Quote(login)}: {(rejected.ErrorCauses.Count > 0 ? string.Join("; ", rejected.ErrorCauses) : rejected.ErrorSummary)}. Nothing was created.", rejected);
        }

        if (request.Activate && !activateNow && string.Equals(created.Status, "STAGED", StringComparison.Ordinal))
        {
            // No password and no email wanted: activate without Okta sending the activation email.
            created = await UserLifecycle.TransitionAsync(_directory, created, "activate?sendEmail=false", s => s != "STAGED", ct).ConfigureAwait(false);
        }

        return Result(ProvisioningOutcome.Created, created, null);
    }

    private static object BuildBody(NewUserRequest request, string login, bool federated)
    {
        var profile = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var attribute in request.Attributes)
        {
            profile[OktaProfileAttributes.Canonical(attribute.Key)] = attribute.Value;
        }

        profile["firstName"] = request.FirstName.Trim();
        profile["lastName"] = request.LastName.Trim();
        profile["email"] = request.Email.Trim();
        profile["login"] = login;

        var credentials = new Dictionary<string, object>(StringComparer.Ordinal);
        if (federated)
        {
            credentials["provider"] = new Dictionary<string, string> { ["type"] = "FEDERATION", ["name"] = "FEDERATION" };
        }
        else
        {
            var password = request.GeneratePassword ? RandomPassword.Generate() : Reveal(request.Password);
            if (password is not null)
            {
                credentials["password"] = new Dictionary<string, string> { ["value"] = password };
            }
        }

        var body = new Dictionary<string, object> { ["profile"] = profile };
        if (credentials.Count > 0)
        {
            body["credentials"] = credentials;
        }

        return body;
    }

    private static void Validate(NewUserRequest request)
    {
        Require(request.FirstName, "first name");
        Require(request.LastName, "last name");
        Require(request.Email, "email");
        if (request.Email.IndexOf('@') <= 0)
        {
            throw Invalid("OktaInvalidArgument", $"'{request.Email}' is not an email address.");
        }

        var provider = (request.Provider ?? "OKTA").Trim().ToUpperInvariant();
        if (provider != "OKTA" && provider != "FEDERATION")
        {
            throw Invalid("OktaInvalidArgument", $"Provider '{request.Provider}' is not supported; use OKTA or FEDERATION.");
        }

        if (provider == "FEDERATION" && (request.Password is not null || request.GeneratePassword))
        {
            throw Invalid("OktaInvalidArgument", "A FEDERATION user signs in through the identity provider and cannot be given an Okta password.");
        }

        if (request.Password is not null && request.GeneratePassword)
        {
            throw Invalid("OktaInvalidArgument", "Give a password or ask for a generated one, not both.");
        }

        var reserved = request.Attributes.Keys.Where(k => NamedAttributes.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (reserved.Count > 0)
        {
            throw Invalid("OktaReservedAttribute", $"Additional attributes cannot set {string.Join(", ", reserved)}: use the first name, last name, email and login parameters.");
        }
    }

    private static bool IsFederated(NewUserRequest request) =>
        string.Equals((request.Provider ?? "OKTA").Trim(), "FEDERATION", StringComparison.OrdinalIgnoreCase);

    private static bool IsDuplicateLogin(OktaApiException failure) =>
        failure.StatusCode == 400
        && failure.ErrorCauses.Any(c => c.IndexOf("already exists", StringComparison.OrdinalIgnoreCase) >= 0);

    private static string Describe(NewUserRequest request)
    {
        var how = !request.Activate ? "Create (staged)" : "Create and activate";
        if (IsFederated(request))
        {
            how += " with the FEDERATION provider";
        }

        return how;
    }


    private static UserChange Result(ProvisioningOutcome outcome, OktaUser user, string? previousStatus) => new()
    {
        Action = "New",
        OutcomeKind = outcome,
        UserId = user.Id,
        Login = user.Profile.Login ?? string.Empty,
        Email = user.Profile.Email,
        Status = user.Status,
        PreviousStatus = previousStatus,
    };

    private static void Require(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid("OktaInvalidArgument", $"A {what} is required to create a user.");
        }
    }

    private static OktaOperationException Invalid(string errorId, string message) => new(errorId, OktaFailureKind.InvalidArgument, message);

    private static string? Reveal(SecureString? secure)
    {
        if (secure is null)
        {
            return null;
        }

        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            return Marshal.PtrToStringUni(pointer);
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
