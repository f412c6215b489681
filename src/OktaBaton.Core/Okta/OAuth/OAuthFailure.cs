namespace OktaBaton.Core.Okta.OAuth;

/// <summary>Why OAuth authentication failed; each has its own remedy (and its own PowerShell ErrorId).</summary>
public enum OAuthFailure
{
    /// <summary>Unknown client id, or the app does not use private_key_jwt.</summary>
    InvalidClient,
    /// <summary>The kid in the assertion is not one of the app's registered keys.</summary>
    InvalidKeyId,
    /// <summary>The assertion's signature does not verify against the app's public key.</summary>
    InvalidSignature,
    /// <summary>The assertion audience is not this org's token URL.</summary>
    InvalidAudience,
    /// <summary>Times in the assertion or proof were rejected: local clock differs from Okta's.</summary>
    ClockSkew,
    /// <summary>The assertion's jti was already used.</summary>
    AssertionReused,
    /// <summary>A requested scope is not granted to the app.</summary>
    InvalidScope,
    /// <summary>A call needed a scope the token lacks.</summary>
    InsufficientScope,
    /// <summary>Okta rejected the DPoP proof.</summary>
    DPoPProofRejected,
    /// <summary>The token endpoint could not be reached or answered unexpectedly.</summary>
    TokenEndpointError,
}
