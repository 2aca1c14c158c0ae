using Coalition.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Infrastructure;

/// <summary>Model-binding errors ("The value 'x' is not valid") in the visitor's language.</summary>
internal sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => t["The value '{0}' is not valid.", v]);
        m.SetAttemptedValueIsInvalidAccessor((v, f) => t["The value '{0}' is not valid for {1}.", v, f]);
        m.SetMissingBindRequiredValueAccessor(f => t["A value for the '{0}' field was not provided.", f]);
        m.SetMissingKeyOrValueAccessor(() => t["A value is required."]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => t["A non-empty request body is required."]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => t["The value '{0}' is not valid.", v]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["The supplied value is invalid."]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => t["The field must be a number."]);
        m.SetUnknownValueIsInvalidAccessor(f => t["The supplied value is invalid for {0}.", f]);
        m.SetValueMustBeANumberAccessor(f => t["The field {0} must be a number.", f]);
        m.SetValueMustNotBeNullAccessor(v => t["The value '{0}' is invalid.", v]);
    }
}
