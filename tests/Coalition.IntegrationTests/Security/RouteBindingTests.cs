using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Security;

/// <summary>
/// Issue 19, item 7: a form field or a GET's body cannot choose the item the URL names. Rows are the admin actions
/// that take an id; each posts <c>Id</c>/<c>id</c> fields naming another item, which must stay untouched.
/// </summary>
public sealed class RouteBindingTests(DemoCoalitionAppFactory factory) : IClassFixture<DemoCoalitionAppFactory>
{
    public static TheoryData<string> AdminActions() => ["edit", "publish", "unpublish"];

    [Theory]
    [MemberData(nameof(AdminActions))]
    public async Task AdminAction_FormIdNamingAnotherItem_ActsOnTheRoutesItemOnly(string action)
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var target = await factory.CreateNewsAsync($"Target {action} {Guid.NewGuid():N}", publish: action == "unpublish");
        var victimTitle = $"Victim {action} {Guid.NewGuid():N}";
        var victim = await factory.CreateNewsAsync(victimTitle, publish: action == "unpublish");
        var victimBefore = await factory.QueryDbAsync(db => db.News.AsNoTracking().SingleAsync(n => n.Id == victim.Id));
        var hostile = new Dictionary<string, string> { ["Id"] = victim.Id.ToString(), ["id"] = victim.Id.ToString() };
        if (action == "edit")
        {
            hostile["Title"] = "Changed through the route";
            hostile["action"] = "draft";
        }

        var page = await editor.GetDocumentAsync($"/admin/news/{target.Id}/edit");
        var fields = action == "edit" ? page.FormFields($"/admin/news/{target.Id}/edit") : new() { ["__RequestVerificationToken"] = page.FormFields($"/admin/news/{target.Id}/edit")["__RequestVerificationToken"] };
        foreach (var (k, v) in hostile)
        {
            fields[k] = v;
        }

        using var response = await editor.PostWithoutTokenAsync($"/admin/news/{target.Id}/{action}", fields);

        await HostileAssert.NoServerErrorAsync(response);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var victimAfter = await factory.QueryDbAsync(db => db.News.AsNoTracking().SingleAsync(n => n.Id == victim.Id));
        Assert.Equal(victimBefore.Version, victimAfter.Version);
        Assert.Equal(victimBefore.Status, victimAfter.Status);
        Assert.Equal(victimTitle, victimAfter.Title);
        var targetAfter = await factory.QueryDbAsync(db => db.News.AsNoTracking().SingleAsync(n => n.Id == target.Id));
        switch (action)
        {
            case "edit":
                Assert.Equal("Changed through the route", targetAfter.Title);
                break;
            case "publish":
                Assert.Equal(PublicationStatus.Published, targetAfter.Status);
                break;
            default:
                Assert.NotEqual(PublicationStatus.Published, targetAfter.Status);
                break;
        }
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "key=contacts&culture=en")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\ncontacts\r\n--b--\r\n")]
    public async Task PublicPage_GetWithAFormBody_ShowsThePageOfTheUrl(string contentType, string body)
    {
        using var client = factory.CreateBrowser("ru");
        var expected = (await client.GetDocumentAsync("/ru/about")).QuerySelector("h1")?.TextContent;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/ru/about") { Content = new StringContent(body) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.SendAsync(request);

        await HostileAssert.StatusAsync(HttpStatusCode.OK, response);
        var page = await response.ParseAsync();
        Assert.Equal(expected, page.QuerySelector("h1")?.TextContent);
        Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));
    }

    /// <summary>The guard behind the rows: every action parameter named in its route binds from the route only.</summary>
    [Fact]
    public void EveryAction_ParameterNamedInItsRoute_BindsFromTheRouteOnly()
    {
        var actions = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<ControllerActionDescriptor>().ToList();
        var checkedCount = 0;
        foreach (var action in actions)
        {
            var names = RoutePatternFactory.Parse(action.AttributeRouteInfo!.Template!).Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in action.Parameters.Where(p => names.Contains(p.Name)))
            {
                Assert.True(parameter.BindingInfo?.BindingSource == BindingSource.Path, $"{action.DisplayName}: {parameter.Name} binds from {parameter.BindingInfo?.BindingSource?.Id ?? "anywhere"}");
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 40, $"only {checkedCount} route parameters found");
    }
}
