using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Referral.Silo.DataProtection;

/// <summary>The key ring in memory mode: gone with the process, like the grain state it protects.</summary>
public sealed class InMemoryXmlRepository : IXmlRepository
{
    private readonly Lock _gate = new();
    private readonly List<XElement> _elements = [];

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_gate)
        {
            return [.. _elements.Select(e => new XElement(e))];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        lock (_gate)
        {
            _elements.Add(new XElement(element));
        }
    }
}
