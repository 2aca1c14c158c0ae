using Coalition.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Serilog.Events;

namespace Coalition.UnitTests.Infrastructure;

public sealed class LoggingExtensionsTests
{
    private static DefaultHttpContext Request(string path, int status = 200, bool aborted = false)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Response.StatusCode = status;
        context.RequestAborted = new CancellationToken(canceled: aborted);
        return context;
    }

    [Fact]
    public void RequestLevel_VisitorWentAwayMidRequest_NotAnError()
    {
        var level = LoggingExtensions.RequestLevel(Request("/ru/search", aborted: true), new TaskCanceledException());

        Assert.Equal(LogEventLevel.Debug, level);
    }

    [Fact]
    public void RequestLevel_CancelledWithoutTheVisitorLeaving_IsAnError()
    {
        // A time-out inside the app while the visitor still waits is a real failure.
        Assert.Equal(LogEventLevel.Error, LoggingExtensions.RequestLevel(Request("/ru/search"), new TaskCanceledException()));
    }

    [Theory]
    [InlineData("/ru/news", 500, LogEventLevel.Error)]
    [InlineData("/ru/news", 404, LogEventLevel.Information)]
    [InlineData("/ru/news", 200, LogEventLevel.Information)]
    [InlineData("/health/ready", 200, LogEventLevel.Verbose)]
    public void RequestLevel_ByStatusAndPath(string path, int status, LogEventLevel expected)
    {
        Assert.Equal(expected, LoggingExtensions.RequestLevel(Request(path, status), null));
    }

    [Fact]
    public void RequestLevel_AnyOtherException_IsAnError()
    {
        Assert.Equal(LogEventLevel.Error, LoggingExtensions.RequestLevel(Request("/ru/", aborted: true), new InvalidOperationException()));
    }
}
