using System.Net;
using System.Text.RegularExpressions;
using Coalition.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Coalition.IntegrationTests.Infrastructure;

namespace Coalition.IntegrationTests.Areas.Admin;

/// <summary>
/// Every action of the admin area, read from the app's own endpoint table, so that a new action is covered the day it
/// is added: anonymous requests are sent to sign-in, and Editors get 403 on the Administrator-only ones.
/// </summary>
[Collection(TwoFactorRequiredCollection.Name)]
public sealed partial class AdminAreaAuthorizationTests(TwoFactorRequiredAppFactory app)
{
    [Fact]
    public async Task Anonymous_IsSentToSignIn_FromEveryAdminAction()
    {
        var actions = AdminActions();
        Assert.True(actions.Count > 10, $"only {actions.Count} admin actions found");
        using var browser = app.CreateBrowser("en");
        foreach (var action in actions)
        {
            using var response = await SendAsync(browser, action);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.RedirectPath() == "/account/login",
                $"{action.Method} {action.Path} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task Editor_Gets403_OnEveryAdministratorOnlyAction()
    {
        var adminOnly = AdminActions().Where(a => a.AdministratorOnly).ToList();
        Assert.Contains(adminOnly, a => a.Path == "/admin/audit");
        Assert.Contains(adminOnly, a => a.Path == "/admin/accounts/invite" && a.Method == "POST");
        Assert.Contains(adminOnly, a => a.Path.EndsWith("/disable", StringComparison.Ordinal));

        using var editor = await app.SignedInClientAsync(await app.CreateStaffAsync(Roles.Editor));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);
        foreach (var action in adminOnly)
        {
            using var response = await SendAsync(editor, action);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.RedirectPath() == "/account/access-denied",
                $"{action.Method} {action.Path} answered {(int)response.StatusCode} {response.Headers.Location}");
            using var denied = await editor.GetAsync(response.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
    }

    [Fact]
    public void EveryAdminController_DerivesFromAdminControllerBase_AndAccountsAreAdministratorOnly()
    {
        foreach (var action in AdminDescriptors())
        {
            Assert.True(typeof(Coalition.Web.Areas.Admin.Controllers.AdminControllerBase).IsAssignableFrom(action.ControllerTypeInfo), action.ControllerName);
        }

        Assert.All(AdminActions().Where(a => a.Path.StartsWith("/admin/accounts", StringComparison.Ordinal)), a => Assert.True(a.AdministratorOnly, a.Path));
    }

    private List<AdminAction> AdminActions()
    {
        _ = app.Server; // the endpoint table exists once the app has started
        var endpoints = app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var list = new List<AdminAction>();
        foreach (var endpoint in endpoints)
        {
            var descriptor = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
            if (descriptor is null || !string.Equals(descriptor.RouteValues["area"], "Admin", StringComparison.Ordinal))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var adminOnly = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.Administrator);
            var path = "/" + Parameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), m => m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : "00000000-0000-0000-0000-000000000000");
            foreach (var method in methods)
            {
                list.Add(new AdminAction(method, path, adminOnly));
            }
        }

        return list;
    }

    private IEnumerable<ControllerActionDescriptor> AdminDescriptors() =>
        app.Service<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<ControllerActionDescriptor>())
            .OfType<ControllerActionDescriptor>()
            .Where(d => string.Equals(d.RouteValues["area"], "Admin", StringComparison.Ordinal));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient browser, AdminAction action) =>
        action.Method == "GET"
            ? await browser.GetAsync(action.Path)
            : await browser.PostWithoutTokenAsync(action.Path, []);

    private sealed record AdminAction(string Method, string Path, bool AdministratorOnly);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
