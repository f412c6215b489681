using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Http;
using OktaBaton.Simulator.Json;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Endpoints;

internal static class ApiTokenEndpoints
{
    public static void Map(Router router)
    {
        router.Get("/api/v1/api-tokens", Permission.ReadApiTokens, List);
        router.Get("/api/v1/api-tokens/{id}", Permission.ReadApiTokens, Get);
        router.Delete("/api/v1/api-tokens/{id}", Permission.ManageApiTokens, Revoke);
    }

    private static void Revoke(ApiRequest request, OrgState org)
    {
        var id = request.Route("id");
        var token = org.ApiTokens.Find(t => t.Id == id) ?? throw OktaApiException.NotFound(id, "ApiToken");
        org.RevokeApiToken(token);
        request.NoContent();
    }

    private static void List(ApiRequest request, OrgState org)
    {
        var json = request.Json;
        json.WriteStartArray();
        foreach (var token in org.ApiTokens)
        {
            OktaJson.WriteApiToken(json, token, org, request.BaseUrl);
        }
        json.WriteEndArray();
    }

    private static void Get(ApiRequest request, OrgState org)
    {
        var id = request.Route("id");
        var token = org.ApiTokens.Find(t => t.Id == id) ?? throw OktaApiException.NotFound(id, "ApiToken");
        OktaJson.WriteApiToken(request.Json, token, org, request.BaseUrl);
    }
}
