namespace Coalition.Data.Entities;

public class NewsArticle : ContentItem
{
}
