using System;

namespace OktaBaton.Core.Provisioning;

/// <summary>The user or group a grant is for. A user may be named by id or by login.</summary>
public sealed class PrincipalReference
{
    public PrincipalReference(PrincipalType type, string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new OktaOperationException("OktaInvalidPrincipal", OktaFailureKind.InvalidArgument,
                $"A {TypeName(type)} id is required.");
        }

        Type = type;
        Id = id.Trim();
    }

    public PrincipalType Type { get; }

    public string Id { get; }

    public static PrincipalReference User(string idOrLogin) => new(PrincipalType.User, idOrLogin);

    public static PrincipalReference Group(string id) => new(PrincipalType.Group, id);

    /// <summary>Reads "user" or "group" (any case), as in a grant id or a sync file's principal type.</summary>
    public static PrincipalReference Parse(string? type, string? id)
    {
        var kind = (type ?? string.Empty).Trim().ToUpperInvariant() switch
        {
            "USER" => PrincipalType.User,
            "GROUP" => PrincipalType.Group,
            _ => throw new OktaOperationException("OktaInvalidPrincipal", OktaFailureKind.InvalidArgument,
                $"Principal type '{type}' is not supported; use 'user' or 'group'."),
        };
        return new PrincipalReference(kind, id ?? string.Empty);
    }

    public static string TypeName(PrincipalType type) => type == PrincipalType.User ? "user" : "group";

    public override string ToString() => TypeName(Type) + ":" + Id;

    internal static string Quote(string value) => "'" + value.Replace("'", "''") + "'";

    internal static bool SameId(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);
}
