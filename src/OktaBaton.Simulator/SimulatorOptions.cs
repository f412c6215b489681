using System.Globalization;

namespace OktaBaton.Simulator;

public sealed class SimulatorOptions
{
    /// <summary>"demo" (the small recognisable org) or "generated" (Users/Groups/Apps/Seed).</summary>
    public string Org { get; set; } = "demo";
    public int Users { get; set; }
    public int Groups { get; set; }
    public int Apps { get; set; }
    public int Seed { get; set; } = 1;
    /// <summary>Multiplies every generated group's size (1 = the seeds' usual org), for orgs with more memberships per user.</summary>
    public double MembershipScale { get; set; } = 1.0;
    public List<SimulatorToken> Tokens { get; } = new();
    public int LatencyMs { get; set; }
    public RateLimitMode RateLimits { get; set; } = RateLimitMode.Unlimited;
    /// <summary>Multiplies every bucket's limit (overrides excepted).</summary>
    public double RateLimitScale { get; set; } = 1.0;
    /// <summary>Bucket name → limit per window; wins over mode and scale.</summary>
    public Dictionary<string, int> BucketLimitOverrides { get; } = new(StringComparer.Ordinal);
    public int RateWindowSeconds { get; set; } = 60;
    /// <summary>
    /// Each API token's and OAuth app's share of every bucket, in percent, unless the token or app sets its own:
    /// Okta's principal rate limit, 50 by default (developer.okta.com/docs/reference/rl2-token-oauth). 100 lets one
    /// principal spend the whole bucket.
    /// </summary>
    public int PrincipalRateLimitPercent { get; set; } = Auth.RatePrincipal.DefaultPercent;
    /// <summary>
    /// Which quota a successful answer's X-Rate-Limit headers report while a principal's share applies. Okta does not
    /// document it (see <see cref="Http.RateLimiter"/>), so both readings can be served and the client is tested on both.
    /// </summary>
    public PrincipalHeaderMode PrincipalHeaders { get; set; } = PrincipalHeaderMode.Binding;
    /// <summary>Most requests in flight at once; 0 = unlimited.</summary>
    public int ConcurrencyLimit { get; set; } = 75;
    /// <summary>0..1: share of requests answered with a random 500, 503 or connection reset.</summary>
    public double FaultRate { get; set; }
    public int FaultSeed { get; set; } = 1;
    /// <summary>0 = a free port.</summary>
    public int Port { get; set; }
    /// <summary>The org authorization server: OAuth service apps, token lifetime, clock.</summary>
    public OAuth.OAuthServerOptions OAuth { get; } = new();
    /// <summary>Registered OAuth service apps (private_key_jwt, optionally DPoP).</summary>
    public IList<OAuth.OAuthClientRegistration> OAuthClients => OAuth.Clients;
    /// <summary>The org's clock: what changes and System Log events are dated by, and the Date header. Default: this machine's.</summary>
    public TimeProvider OrgClock { get; set; } = TimeProvider.System;

    /// <summary>
    /// Whether deleting a user logs a <c>group.user_membership.remove</c> for each of its groups and moves their
    /// <c>lastMembershipUpdated</c> (the default), or takes it out of its groups silently. Okta documents neither, so a
    /// test can check that a refresh is right both ways.
    /// </summary>
    public bool UserDeletionLogsMemberships { get; set; } = true;
    /// <summary>Sees every API exchange of the simulator; when null, <see cref="SimulatorHost.DefaultObserverFactory"/> makes one.</summary>
    public ISimulatorObserver? Observer { get; set; }
    /// <summary>Set by <see cref="Parse"/> when --help was given.</summary>
    public bool ShowHelp { get; set; }

    public const string DefaultProgramToken = "oktabaton-simulator-token";

    public const string HelpText = """
        OktaBaton.Simulator: a simulated Okta org on 127.0.0.1.

          --org demo                 the small demo org (default)
          --users N --groups M --apps K --seed S
                                     a deterministic generated org (implies --org generated)
          --membership-scale F       multiplies every generated group's size (default 1)
          --principal-headers binding|org
                                     what X-Rate-Limit-* report under a token's share: the binding
                                     quota (default) or always the org's bucket (a 429 at the share
                                     reports the share)
          --token VALUE[:PROFILE][:PERCENT%]
                                     accepted SSWS token (repeatable); PROFILE is one of
                                     super-admin (default), read-only, custom-read-only,
                                     read-only+app-admin+group-admin, no-admin-role;
                                     PERCENT its share of each rate-limit bucket.
                                     Without --token the program accepts "oktabaton-simulator-token".
          --oauth-client CLIENT_ID:PUBLIC_KEY_PEM_PATH[:dpop][:SCOPES][:PERCENT%]
                                     an OAuth service app (repeatable); its key id is the
                                     key's RFC 7638 thumbprint (printed at start); SCOPES
                                     comma-separated, default all okta.* scopes
          --oauth-token-lifetime N   seconds an OAuth access token lives (default 3600)
          --latency-ms N             delay added to every API request
          --rate-limits workforce|unlimited
          --rate-limit-scale F       multiplies every bucket's limit
          --rate-window-seconds N    rate-limit window (default 60)
          --principal-share PERCENT  each token's and OAuth app's share of every bucket
                                     unless it sets its own (default 50, as Okta; 5 to 100)
          --concurrency-limit N      requests in flight before 429 (default 75, 0 = unlimited)
          --fault-rate P             0..1, random 500/503/connection resets
          --fault-seed S
          --clock-offset-seconds N   the org's clock runs N seconds ahead of this machine's
                                     (negative: behind); dates changes, log events, Date
          --port N                   0 = a free port (default)
          --help
        """;

    /// <summary>Reads the command-line flags; throws <see cref="ArgumentException"/> with a clear message on bad input.</summary>
    public static SimulatorOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SimulatorOptions();
        var orgGiven = false;
        var sizeGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            string Value()
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Option {flag} needs a value.");
                }
                return args[++i];
            }
            switch (flag)
            {
                case "--help" or "-h" or "-?":
                    options.ShowHelp = true;
                    break;
                case "--org":
                    var org = Value();
                    if (org != "demo" && org != "generated")
                    {
                        throw new ArgumentException($"--org must be 'demo' or 'generated', not '{org}'.");
                    }
                    options.Org = org;
                    orgGiven = true;
                    break;
                case "--users": options.Users = ParseInt(flag, Value(), 0, 1_000_000); sizeGiven = true; break;
                case "--groups": options.Groups = ParseInt(flag, Value(), 0, 100_000); sizeGiven = true; break;
                case "--apps": options.Apps = ParseInt(flag, Value(), 0, 100_000); sizeGiven = true; break;
                case "--membership-scale": options.MembershipScale = ParseDouble(flag, Value(), 0.01, 100); sizeGiven = true; break;
                case "--seed": options.Seed = ParseInt(flag, Value(), int.MinValue, int.MaxValue); break;
                case "--token": options.Tokens.Add(ParseToken(Value())); break;
                case "--oauth-client":
                    try
                    {
                        options.OAuthClients.Add(global::OktaBaton.Simulator.OAuth.OAuthClientRegistration.Parse(Value()));
                    }
                    catch (FormatException error)
                    {
                        throw new ArgumentException(error.Message, error);
                    }
                    break;
                case "--oauth-token-lifetime": options.OAuth.AccessTokenLifetime = TimeSpan.FromSeconds(ParseInt(flag, Value(), 1, 86_400)); break;
                case "--latency-ms": options.LatencyMs = ParseInt(flag, Value(), 0, 600_000); break;
                case "--rate-limits":
                    options.RateLimits = Value().ToLowerInvariant() switch
                    {
                        "workforce" => RateLimitMode.Workforce,
                        "unlimited" => RateLimitMode.Unlimited,
                        var other => throw new ArgumentException($"--rate-limits must be 'workforce' or 'unlimited', not '{other}'."),
                    };
                    break;
                case "--rate-limit-scale":
                    options.RateLimitScale = ParseDouble(flag, Value(), 0.000001, 1_000_000);
                    break;
                case "--rate-window-seconds": options.RateWindowSeconds = ParseInt(flag, Value(), 1, 86_400); break;
                case "--principal-headers":
                    options.PrincipalHeaders = Value().ToLowerInvariant() switch
                    {
                        "binding" => PrincipalHeaderMode.Binding,
                        "org" => PrincipalHeaderMode.Org,
                        var other => throw new ArgumentException($"--principal-headers must be 'binding' or 'org', not '{other}'."),
                    };
                    break;
                case "--principal-share": options.PrincipalRateLimitPercent = ParseInt(flag, Value().TrimEnd('%'), Auth.RatePrincipal.MinimumPercent, Auth.RatePrincipal.MaximumPercent); break;
                case "--concurrency-limit": options.ConcurrencyLimit = ParseInt(flag, Value(), 0, 1_000_000); break;
                case "--fault-rate": options.FaultRate = ParseDouble(flag, Value(), 0, 1); break;
                case "--fault-seed": options.FaultSeed = ParseInt(flag, Value(), int.MinValue, int.MaxValue); break;
                case "--port": options.Port = ParseInt(flag, Value(), 0, 65535); break;
                case "--clock-offset-seconds": options.OrgClock = new OffsetClock(TimeSpan.FromSeconds(ParseInt(flag, Value(), -31_536_000, 31_536_000))); break;
                default:
                    throw new ArgumentException($"Unknown option '{flag}'. Use --help to list the options.");
            }
        }
        if (sizeGiven)
        {
            if (orgGiven && options.Org == "demo")
            {
                throw new ArgumentException("--users/--groups/--apps describe a generated org; they cannot be combined with --org demo.");
            }
            options.Org = "generated";
        }
        return options;
    }

    /// <summary>VALUE[:PROFILE][:PERCENT%]; the token value itself is never echoed in an error.</summary>
    private static SimulatorToken ParseToken(string text)
    {
        var profile = "super-admin";
        int? percent = null;
        var value = text;
        var colon = value.LastIndexOf(':');
        if (colon >= 0 && value[(colon + 1)..].EndsWith('%'))
        {
            try
            {
                percent = global::OktaBaton.Simulator.OAuth.OAuthClientRegistration.ParsePercent(value[(colon + 1)..], "--token");
            }
            catch (FormatException error)
            {
                throw new ArgumentException(error.Message, error);
            }
            value = value[..colon];
            colon = value.LastIndexOf(':');
        }
        if (colon >= 0)
        {
            var candidate = value[(colon + 1)..];
            if (!Auth.PermissionProfiles.IsKnown(candidate))
            {
                throw new ArgumentException($"--token: unknown profile '{candidate}'. Known: {string.Join(", ", Auth.PermissionProfiles.Names)}.");
            }
            profile = candidate;
            value = value[..colon];
        }
        if (value.Length == 0)
        {
            throw new ArgumentException("--token needs a non-empty value.");
        }
        return new SimulatorToken(value, profile, percent);
    }

    private static int ParseInt(string flag, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"{flag} must be a whole number between {min} and {max}, not '{text}'.");
        }
        return value;
    }

    private static double ParseDouble(string flag, string text, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentException($"{flag} must be a number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, not '{text}'.");
        }
        return value;
    }
}
