namespace Coalition.Web.Resources;

/// <summary>Marker for the one resource set of the interface: SharedResource.{ru,tg,en}.resx.</summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>; never instantiated.
public sealed class SharedResource
#pragma warning restore CA1052
{
    private SharedResource()
    {
    }
}
