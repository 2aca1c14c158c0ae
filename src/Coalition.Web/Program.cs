using Coalition.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddCoalitionLogging();
builder.AddCoalitionSite();
builder.AddCoalitionSecurity();
builder.AddCoalitionForwardedHeaders();
builder.AddCoalitionDatabase();
builder.AddCoalitionDataProtection();
builder.AddCoalitionIdentity();
builder.AddCoalitionMail();
builder.AddCoalitionRateLimiting();
builder.AddCoalitionLocalization();
builder.AddCoalitionPublishing();
builder.AddCoalitionMvc();
builder.AddCoalitionCaching();
builder.AddCoalitionMedia();
builder.AddCoalitionDiscovery();
builder.AddCoalitionEvents();
builder.AddCoalitionHealth();

var app = builder.Build();
app.WarnIfPlainHttp();

app.UseCoalitionForwardedHeaders();
app.UseCoalitionSecurityHeaders();
app.UseRequestLocalization();
app.UseCoalitionErrorPages();
app.UseCoalitionRequestLogging();
app.UseRouting();
app.UseAuthentication();
app.UseCoalitionRateLimiting();
app.UseAuthorization();
app.UseCoalitionCaching();
app.MapCoalitionRoutes();

await app.InitialiseCoalitionDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public so that the integration tests can start the app.</summary>
public partial class Program;
