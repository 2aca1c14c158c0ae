using Coalition.Web.Features.Discovery;
using Coalition.Web.Features.Feeds;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Features.Search;
using Coalition.Web.Options;

namespace Coalition.Web.Infrastructure;

public static class DiscoveryExtensions
{
    /// <summary>
    /// How the site is found and followed (issue 14): the site search (Lucene.Net index per instance, kept up to date by
    /// content changes and a catch-up every few seconds), Atom feeds, the sitemap and robots.txt, and the head tags
    /// (canonical, OpenGraph, Twitter, JSON-LD) that the layout prints.
    /// </summary>
    public static WebApplicationBuilder AddCoalitionDiscovery(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SearchIndex>();
        builder.Services.AddScoped<IContentChangeListener, SearchIndexListener>();
        builder.Services.AddHostedService<SearchIndexSync>();
        builder.Services.AddScoped<SiteSearch>();
        builder.Services.AddScoped<ContentFeeds>();
        builder.Services.AddScoped<Sitemaps>();
        builder.Services.AddScoped<HeadTags>();
        builder.Services.Configure<RouteOptions>(o => o.ConstraintMap[FeedSectionConstraint.Name] = typeof(FeedSectionConstraint));
        return builder;
    }
}
