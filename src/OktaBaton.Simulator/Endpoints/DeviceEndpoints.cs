using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Http;
using OktaBaton.Simulator.Json;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Endpoints;

/// <summary>GET /api/v1/devices: cursor pages of at most 200 (default 200), expand=user or userSummary (spec: listDevices).</summary>
internal static class DeviceEndpoints
{
    private const int MaxPage = 200;

    public static void Map(Router router)
    {
        router.Get("/api/v1/devices", Permission.ReadDevices, List);
    }

    private static void List(ApiRequest request, OrgState org)
    {
        var expand = request.Query("expand");
        if (expand is not null && expand is not ("user" or "userSummary"))
        {
            throw OktaApiException.Validation("expand", $"expand: '{expand}' is not one of user, userSummary");
        }
        var limit = request.Limit(MaxPage, MaxPage);
        var start = 0;
        if (request.Query("after") is { } after)
        {
            var index = org.Devices.FindIndex(d => d.Id == after);
            start = index >= 0 ? index + 1 : throw OktaApiException.Validation("after", "after: invalid cursor");
        }
        request.WritePage(org.Devices, start, limit, pageable: true,
            _ => true,
            device => device.Id,
            (json, device) => OktaJson.WriteDevice(json, device, org, request.BaseUrl, expand));
    }
}
