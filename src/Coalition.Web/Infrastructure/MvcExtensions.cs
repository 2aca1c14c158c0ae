using Coalition.Web.Features.Localization;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Infrastructure;

public static class MvcExtensions
{
    /// <summary>MVC with antiforgery on every unsafe request, localised validation, and the content features.</summary>
    public static WebApplicationBuilder AddCoalitionMvc(this WebApplicationBuilder builder)
    {
        var contentAdmin = new Areas.Admin.Controllers.ContentAdminControllers();
        builder.Services
            .AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add(new OversizedBodyResultFilter()); // 413, not 400, for a body too large to read
                o.Conventions.Add(contentAdmin);
                // Ids from the route, never from a form field or a GET's body (issue 19, item 7).
                o.Conventions.Add(new RouteBindingConvention());
                SafeMethodFormValueProviders.Reorder(o.ValueProviderFactories);
            })
            .ConfigureApplicationPartManager(parts => parts.FeatureProviders.Add(contentAdmin))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        builder.Services.AddAntiforgery(o => o.FormFieldName = "__RequestVerificationToken");
        OversizedBodyAntiforgery.Decorate(builder.Services);
        builder.Services.AddOptions<AntiforgeryOptions>().Configure<PublicUrls>((o, urls) =>
        {
            o.Cookie.Name = (urls.IsHttps ? "__Host-" : "") + "coalition.af";
            o.Cookie.SecurePolicy = urls.IsHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
        });

        // Cyrillic (Russian and Tajik letters) and typographic punctuation are written as is, not as &#x...; entities:
        // pages are three to six times lighter on slow connections.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings =
            new System.Text.Encodings.Web.TextEncoderSettings(
                System.Text.Unicode.UnicodeRanges.BasicLatin,
                System.Text.Unicode.UnicodeRanges.Latin1Supplement,
                System.Text.Unicode.UnicodeRanges.Cyrillic,
                System.Text.Unicode.UnicodeRanges.CyrillicSupplement,
                System.Text.Unicode.UnicodeRanges.GeneralPunctuation));
        builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.Infrastructure.IActionResultExecutor<LocalRedirectResult>, HeaderSafeLocalRedirectExecutor>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.Infrastructure.IActionResultExecutor<RedirectResult>, HeaderSafeRedirectExecutor>();
        builder.Services.AddScoped<AlternateLinks>();
        builder.Services.AddScoped<PageMeta>();
        return builder;
    }

    /// <summary>Friendly error pages; a stack trace only in Development.</summary>
    public static WebApplication UseCoalitionErrorPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }

    public static WebApplication MapCoalitionRoutes(this WebApplication app)
    {
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        // Build-time compressed (Brotli, gzip), fingerprinted static files with ETags; versioned URLs are immutable.
        app.MapStaticAssets().Add(endpoint =>
        {
            // A fingerprinted address (site.3fa9c1.css) never changes content: a year, immutable, in every environment
            // (the framework sends no-cache when it runs from the build output, as the tests do).
            if (endpoint.Metadata.OfType<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>().FirstOrDefault() is { } asset
                && asset.Properties.Any(p => p.Name == "fingerprint") && endpoint.RequestDelegate is { } serve)
            {
                endpoint.RequestDelegate = context =>
                {
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                        return Task.CompletedTask;
                    });
                    return serve(context);
                };
            }
        });
        app.MapControllers().WithStaticAssets();
        return app;
    }
}
