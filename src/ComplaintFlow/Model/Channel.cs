namespace ComplaintFlow;

/// <summary>How the customer reached the company, or how the company reached the customer (PR-22).</summary>
public enum Channel
{
    /// <summary>Email.</summary>
    Email,
    /// <summary>A telephone call.</summary>
    Phone,
    /// <summary>Live chat or messaging.</summary>
    Chat,
    /// <summary>A web form or self-service portal.</summary>
    Web,
    /// <summary>Face to face, for example in a shop or branch.</summary>
    InPerson,
    /// <summary>A posted letter.</summary>
    Letter,
    /// <summary>A public or private message on social media.</summary>
    SocialMedia,
    /// <summary>Any other channel.</summary>
    Other,
}
