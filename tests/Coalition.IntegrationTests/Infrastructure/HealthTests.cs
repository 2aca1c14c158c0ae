using System.Net;

namespace Coalition.IntegrationTests.Infrastructure;

public sealed class HealthTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Fact]
    public async Task Health_DatabaseReachable_Returns200Healthy()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public void Factory_RunsOnItsOwnTemporaryDatabaseFile()
    {
        _ = factory.Services; // starts the app, which migrates the database

        Assert.StartsWith(Path.GetTempPath(), factory.DatabasePath, StringComparison.Ordinal);
        Assert.True(File.Exists(factory.DatabasePath), factory.DatabasePath);
    }
}
