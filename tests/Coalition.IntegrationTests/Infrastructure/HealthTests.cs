using System.Net;
using Coalition.Web.Features.Media;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Coalition.IntegrationTests.Infrastructure;

public sealed class HealthTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Ready_DatabaseAndFilesReachable_Returns200HealthyPerCheck(string path)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("{\"status\":\"Healthy\",\"checks\":{\"mail\":\"Healthy\",\"database\":\"Healthy\",\"files\":\"Healthy\"}}", body);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Live_Always_Returns200WithoutChecks()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"Healthy\",\"checks\":{}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_FileStoreFails_Returns503AndLiveStays200()
    {
        var store = new Mock<IFileStore>();
        store.Setup(s => s.CheckAvailableAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("/srv/secret/path is read-only"));
        using var broken = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton(store.Object)));
        using var client = broken.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal("{\"status\":\"Unhealthy\",\"checks\":{\"mail\":\"Healthy\",\"database\":\"Healthy\",\"files\":\"Unhealthy\"}}", body);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public void Factory_RunsOnItsOwnTemporaryDatabaseFile()
    {
        _ = factory.Services; // starts the app, which migrates the database

        Assert.StartsWith(Path.GetTempPath(), factory.DatabasePath, StringComparison.Ordinal);
        Assert.True(File.Exists(factory.DatabasePath), factory.DatabasePath);
    }
}
