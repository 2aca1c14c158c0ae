using Coalition.Web.Features.Media;
using Coalition.Web.Options;

namespace Coalition.Web.Infrastructure;

public static class MediaExtensions
{
    /// <summary>
    /// The media library: typed limits, the local file store (outside wwwroot), the checking and cleaning pipeline.
    /// Files are served by <c>MediaFilesController</c>, never by the static-file middleware.
    /// </summary>
    public static WebApplicationBuilder AddCoalitionMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<IFileStore, LocalFileStore>();
        builder.Services.AddSingleton<ImageProcessor>();
        builder.Services.AddSingleton<DocumentCleaner>();
        builder.Services.AddScoped<MediaLibrary>();
        builder.Services.AddScoped<MediaQueries>();
        builder.Services.AddScoped<MediaUsage>();
        // Files are public only while a published item uses them; each grant is one more way in (issue 19, item 11).
        builder.Services.AddScoped<MediaAccess>();
        builder.Services.AddScoped<ItemMediaGrants>();
        builder.Services.AddScoped<IMediaAccessGrant, StaffMediaGrant>();
        builder.Services.AddScoped<IMediaAccessGrant>(sp => sp.GetRequiredService<ItemMediaGrants>());
        builder.Services.AddScoped<MediaUploadLimitsFilter>();
        builder.Services.AddScoped<Features.Demo.DemoCovers>(); // demo covers go through this same pipeline
        return builder;
    }
}
